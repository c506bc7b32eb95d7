namespace Unikraft.Cli.Tests;

public sealed class NewAndErrorTests
{
    [Fact]
    public void App_outside_the_repository_builds_and_its_exit_code_becomes_uks()
    {
        using var scratch = ScratchDirectory.Outside();
        var created = Uk.Run(scratch.Path, "new", "outside");
        Assert.True(created.ExitCode == 0, created.ToString());
        string app = scratch.Combine("outside");
        Assert.Contains(RepositoryRoot.Path, File.ReadAllText(Path.Combine(app, "Directory.Build.props")));
        string program = Path.Combine(app, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("return 0;", "return 3;"));

        var run = Uk.Run(app, "run");
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Hello from outside", run.Output);
        Assert.Contains("guest exit code 3", run.Output);
    }

    [Fact]
    public void New_with_sdk_makes_a_project_on_the_Unikraft_Sdk_package()
    {
        using var scratch = ScratchDirectory.Outside();
        var created = Uk.Run(scratch.Path, "new", "packaged", "--sdk", "-t", "hello");
        Assert.True(created.ExitCode == 0, created.ToString());
        string project = File.ReadAllText(scratch.Combine("packaged", "packaged.csproj"));
        string version = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props")), "<UkVersion>([^<]+)</UkVersion>").Groups[1].Value;
        Assert.StartsWith($"<Project Sdk=\"Unikraft.Sdk/{version}\">", project);
        Assert.DoesNotContain("#if", project);
        Assert.False(File.Exists(scratch.Combine("packaged", "Directory.Build.props")));
        Assert.Contains("Unikraft.Sdk", created.Output);
    }

    [Fact]
    public void Warnings_in_an_app_outside_the_repository_stay_warnings()
    {
        using var scratch = ScratchDirectory.Outside();
        Assert.Equal(0, Uk.Run(scratch.Path, "new", "warned").ExitCode);
        string app = scratch.Combine("warned");
        string program = Path.Combine(app, "Program.cs");
        // CS0168 (declared, never used) and CS8600 (null into a non-nullable local): warnings
        // in a `dotnet new console` project, errors in the repository's own code.
        File.WriteAllText(program, File.ReadAllText(program).Replace("int argumentCount = args.Length;", "int unused;\nstring text = null;\nint argumentCount = args.Length;"));

        Assert.Contains("string text = null;", File.ReadAllText(program));

        var run = Uk.Run(app, "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Hello from warned", run.Output);
    }

    [Fact]
    public void Dotnet_template_runs_linq_and_async_on_dotnets_own_library()
    {
        using var scratch = ScratchDirectory.Outside();
        var created = Uk.Run(scratch.Path, "new", "bcl", "--template", "dotnet");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("dotnet", File.ReadAllText(scratch.Combine("bcl", "unikernel.yaml")));

        var run = Uk.Run(scratch.Combine("bcl"), TimeSpan.FromMinutes(6), "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Hello from bcl, a C# unikernel on .NET's own base class library! (0 arguments)", run.Output);
        Assert.Contains("odd squares: 1, 9, 25, 49, 81", run.Output);
        Assert.Contains("tasks: 100, 200, 300, 400", run.Output);
    }

    [Fact]
    public void Build_error_is_reported_as_file_line_error_and_fails()
    {
        using var scratch = ScratchDirectory.InRepository();
        string app = scratch.Combine("broken");
        Assert.Equal(0, Uk.Run(RepositoryRoot.Path, "new", "broken", "--output", app).ExitCode);
        string manifest = Path.Combine(app, "unikernel.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("[uart16550, vgacons", "[uart1655, vgacons"));

        var build = Uk.Run(app, "build");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"unikernel\.yaml:\d+: error: unknown library 'uart1655' \(did you mean 'uart16550'\?\)", build.Error);
        Assert.Contains("build of", build.Error);
        // Short: each error once, no MSBuild project suffixes.
        Assert.Single(build.Error.Split('\n'), l => l.Contains("unknown library"));
        Assert.DoesNotContain(".csproj]", build.Error);
    }

    [Fact]
    public void Run_refuses_a_kernel_command_line_the_pvh_loader_would_overrun()
    {
        var run = Uk.Run(RepositoryRoot.Path, "run", "apps/hello", "--append", new string('x', 4096));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--append is 4096 bytes; a kernel command line holds at most 4095", run.All);
        Assert.DoesNotContain("booting", run.All);
    }

    [Fact]
    public void New_refuses_a_folder_that_is_not_empty()
    {
        using var scratch = ScratchDirectory.Outside();
        File.WriteAllText(scratch.Combine("keep.txt"), "x");
        var result = Uk.Run(scratch.Path, "new", "x", "--output", scratch.Path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("already exists and is not empty", result.Error);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void New_httpserver_finds_its_network_libraries_in_the_catalog()
    {
        using var scratch = ScratchDirectory.Outside();
        var result = Uk.Run(scratch.Path, "new", "web", "--template", "httpserver");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("not yet in the catalog", result.All);
        Assert.Contains("the libraries it needs are in the catalog: uk config --add virtio-net --add netstack --add sockets", result.All);
        Assert.Contains("sockets", File.ReadAllText(scratch.Combine("web", "unikernel.yaml")));
    }

    // The template is apps/webapi (which the boot tests build and serve) as a new app.
    [Fact]
    public void New_webapi_makes_the_minimal_api_the_boot_tests_serve()
    {
        using var scratch = ScratchDirectory.Outside();
        var result = Uk.Run(scratch.Path, "new", "shop", "--template", "webapi");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the libraries it needs are in the catalog: uk config --add virtio-net --add netstack", result.All);
        string app = Path.Combine(RepositoryRoot.Path, "apps", "webapi");
        Assert.Equal(File.ReadAllText(Path.Combine(app, "Program.cs")), File.ReadAllText(scratch.Combine("shop", "Program.cs")));
        Assert.Equal(Libraries(File.ReadAllText(Path.Combine(app, "unikernel.yaml"))), Libraries(File.ReadAllText(scratch.Combine("shop", "unikernel.yaml"))));
        Assert.Contains("<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />", File.ReadAllText(scratch.Combine("shop", "shop.csproj")), StringComparison.Ordinal);

        static string Libraries(string manifest) => manifest.Split('\n').Single(line => line.StartsWith("libraries:", StringComparison.Ordinal));
    }

    [Fact]
    public void New_kvstore_finds_its_storage_libraries_in_the_catalog()
    {
        using var scratch = ScratchDirectory.Outside();
        var result = Uk.Run(scratch.Path, "new", "store", "--template", "kvstore");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("not yet in the catalog", result.All);
        Assert.Contains("the libraries it needs are in the catalog: uk config --add virtio-blk --add vfscore --add fatfs", result.All);
        Assert.Contains("fatfs", File.ReadAllText(scratch.Combine("store", "unikernel.yaml")));
    }

    [Fact]
    public void New_rejects_an_unknown_template_and_a_bad_name()
    {
        using var scratch = ScratchDirectory.Outside();
        var template = Uk.Run(scratch.Path, "new", "a", "--template", "nope");
        Assert.NotEqual(0, template.ExitCode);
        Assert.Contains("unknown template 'nope'", template.Error);
        var name = Uk.Run(scratch.Path, "new", "9lives");
        Assert.NotEqual(0, name.ExitCode);
        Assert.Contains("cannot name an application", name.All);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }
}
