namespace Unikraft.Boot.Tests;

// The oracle of the differential tests: a guest program's own sources compiled for host .NET
// and run with `dotnet run`. The project lives outside the repository so none of its build
// settings (kernel corlib, warnings as errors) apply; culture is invariant, as in the guest.
internal static class HostTwin
{
    public static HostProcessResult Run(string programDirectory, string name, string standardInput = "", IEnumerable<string>? arguments = null)
    {
        string assembly = Build(programDirectory, name);
        return HostProcess.Run("dotnet", [assembly, .. arguments ?? []], TimeSpan.FromMinutes(2), Path.GetDirectoryName(assembly)!, standardInput);
    }

    // Builds the twin and returns its assembly, for a program the test starts itself (a server).
    public static string Build(string programDirectory, string name)
    {
        string sources = Repository.PathOf(programDirectory);
        // One folder per checkout: two clones testing at once must not build each other's sources.
        string checkout = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Repository.PathOf(".")))).Substring(0, 12);
        string project = Path.Combine(Path.GetTempPath(), "unikraft-host-twins", checkout, name);
        Directory.CreateDirectory(project);
        string projectFile = Path.Combine(project, name + ".csproj");
        string guestProject = Path.Combine(sources, name + ".csproj");
        string text = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <InvariantGlobalization>true</InvariantGlobalization>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{sources}/**/*.cs" Exclude="{sources}/obj/**;{sources}/bin/**" />
            {References(guestProject, "PackageReference")}
            {References(guestProject, "FrameworkReference")}
              </ItemGroup>
            </Project>
            """;
        if (!File.Exists(projectFile) || File.ReadAllText(projectFile) != text)
            File.WriteAllText(projectFile, text);
        HostProcessResult build = HostProcess.Run("dotnet", ["build", projectFile, "-c", "Release", "-nologo", "-v", "q"], TimeSpan.FromMinutes(5), project);
        if (build.ExitCode != 0)
            throw new InvalidOperationException("the host twin of " + programDirectory + " does not build:\n" + build.Output);
        string output = Path.Combine(project, "bin", "Release", "net10.0");
        CopyOutputFiles(guestProject, sources, output);
        return Path.Combine(output, name + ".dll");
    }

    // The files the guest project copies to its output (<None Update="appsettings.json;wwwroot/**"
    // CopyToOutputDirectory=...>), which its image carries in /: next to the twin's assembly,
    // its working directory, as dotnet run has them.
    private static void CopyOutputFiles(string guestProject, string sources, string output)
    {
        IEnumerable<string> patterns = System.Xml.Linq.XDocument.Load(guestProject).Descendants("None")
            .Where(item => item.Attribute("CopyToOutputDirectory") is not null)
            .SelectMany(item => (item.Attribute("Update") ?? item.Attribute("Include"))!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries));
        foreach (string pattern in patterns)
        {
            bool tree = pattern.EndsWith("/**", StringComparison.Ordinal);
            string path = Path.Combine(sources, tree ? pattern[..^3] : pattern);
            IEnumerable<string> files = tree ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : [path];
            foreach (string file in files)
            {
                string target = Path.Combine(output, Path.GetRelativePath(sources, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    // The guest project's NuGet packages (at the same versions) and shared frameworks.
    private static string References(string guestProject, string kind) =>
        string.Join("\n", System.Xml.Linq.XDocument.Load(guestProject).Descendants(kind)
            .Select(reference => reference.Attribute("Version") is { } version
                ? $"    <{kind} Include=\"{reference.Attribute("Include")?.Value}\" Version=\"{version.Value}\" />"
                : $"    <{kind} Include=\"{reference.Attribute("Include")?.Value}\" />"));
}
