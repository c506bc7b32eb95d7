namespace Unikraft.Cli.Tests;

// tools/templates packs into a template package that `dotnet new install` accepts (into a
// private template hive, so the machine's templates are untouched).
public sealed class DotnetNewTemplateTests
{
    [Fact]
    public void Template_package_installs_and_creates_an_app_outside_the_repository()
    {
        using var scratch = ScratchDirectory.Outside();
        Run(RepositoryRoot.Path, "pack", Path.Combine(RepositoryRoot.Path, "tools/templates"), "-o", scratch.Combine("pkg"), "-nologo");
        string package = Directory.GetFiles(scratch.Combine("pkg"), "Unikraft.Templates.*.nupkg").Single();
        string hive = scratch.Combine("hive");
        Run(scratch.Path, "new", "install", package, "--debug:custom-hive", hive);
        Run(scratch.Path, "new", "uk-hello", "-n", "tmpl", "-o", scratch.Combine("tmpl"), "--repo", RepositoryRoot.Path, "--debug:custom-hive", hive);

        Assert.Contains("name: tmpl", File.ReadAllText(scratch.Combine("tmpl", "unikernel.yaml")));
        Assert.Contains("Hello from tmpl", File.ReadAllText(scratch.Combine("tmpl", "Program.cs")));
        Assert.True(File.Exists(scratch.Combine("tmpl", "tmpl.csproj")));
        Assert.Contains($"<UkRoot>{RepositoryRoot.Path}/</UkRoot>", File.ReadAllText(scratch.Combine("tmpl", "Directory.Build.props")));

        // The web template: an ASP.NET Core minimal API.
        Run(scratch.Path, "new", "uk-webapi", "-n", "api", "-o", scratch.Combine("api"), "--repo", RepositoryRoot.Path, "--debug:custom-hive", hive);
        Assert.Contains("name: api", File.ReadAllText(scratch.Combine("api", "unikernel.yaml")));
        Assert.Contains("WebApplication.CreateSlimBuilder(args)", File.ReadAllText(scratch.Combine("api", "Program.cs")));
        Assert.Contains("Microsoft.AspNetCore.App", File.ReadAllText(scratch.Combine("api", "api.csproj")));

        // Without parameters: a project on the Unikraft.Sdk package, with nothing else beside it.
        Run(scratch.Path, "new", "unikernel", "-n", "sdkapp", "-o", scratch.Combine("sdkapp"), "--debug:custom-hive", hive);
        string project = File.ReadAllText(scratch.Combine("sdkapp", "sdkapp.csproj"));
        Assert.StartsWith($"<Project Sdk=\"Unikraft.Sdk/{RepositoryVersion()}\">", project);
        Assert.DoesNotContain("#if", project);
        Assert.False(File.Exists(scratch.Combine("sdkapp", "Directory.Build.props")));

        // In the repository's apps/ folder: the folder's Directory.Build files build it.
        Run(scratch.Path, "new", "uk-hello", "-n", "inrepo", "-o", scratch.Combine("inrepo"), "--inRepository", "true", "--debug:custom-hive", hive);
        Assert.StartsWith("<Project Sdk=\"Microsoft.NET.Sdk\">", File.ReadAllText(scratch.Combine("inrepo", "inrepo.csproj")));
        Assert.False(File.Exists(scratch.Combine("inrepo", "Directory.Build.props")));
    }

    // The templates name the SDK version the repository packs (Directory.Build.props UkVersion).
    [Fact]
    public void Every_template_defaults_to_the_repository_version_of_the_sdk()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tools/templates/content"), "template.json", SearchOption.AllDirectories))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            string version = json.RootElement.GetProperty("symbols").GetProperty("sdkVersion").GetProperty("defaultValue").GetString()!;
            Assert.True(version == RepositoryVersion(), $"{file}: sdkVersion {version}, the repository packs {RepositoryVersion()}");
        }
    }

    private static string RepositoryVersion() =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props")), "<UkVersion>([^<]+)</UkVersion>").Groups[1].Value;

    private static void Run(string workingDirectory, params string[] arguments)
    {
        var result = Uk.Start("dotnet", arguments, TimeSpan.FromSeconds(120), workingDirectory);
        Assert.True(result.ExitCode == 0, "dotnet " + string.Join(' ', arguments) + "\n" + result);
    }
}
