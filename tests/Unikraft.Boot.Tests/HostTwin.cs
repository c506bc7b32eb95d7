namespace Unikraft.Boot.Tests;

// The oracle of the differential tests: a guest program's own sources compiled for host .NET
// and run with `dotnet run`. The project lives outside the repository so none of its build
// settings (kernel corlib, warnings as errors) apply; culture is invariant, as in the guest.
internal static class HostTwin
{
    public static ProcessResult Run(string programDirectory, string name, string standardInput = "", IEnumerable<string>? arguments = null)
    {
        string sources = Repository.PathOf(programDirectory);
        // One folder per checkout: two clones testing at once must not build each other's sources.
        string checkout = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Repository.PathOf(".")))).Substring(0, 12);
        string project = Path.Combine(Path.GetTempPath(), "unikraft-host-twins", checkout, name);
        Directory.CreateDirectory(project);
        string projectFile = Path.Combine(project, name + ".csproj");
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
            {PackageReferences(Path.Combine(sources, name + ".csproj"))}
              </ItemGroup>
            </Project>
            """;
        if (!File.Exists(projectFile) || File.ReadAllText(projectFile) != text)
            File.WriteAllText(projectFile, text);
        ProcessResult build = ProcessRunner.Run("dotnet", ["build", projectFile, "-c", "Release", "-nologo", "-v", "q"], TimeSpan.FromMinutes(5), project);
        if (build.ExitCode != 0)
            throw new InvalidOperationException("the host twin of " + programDirectory + " does not build:\n" + build.Output);
        string assembly = Path.Combine(project, "bin", "Release", "net10.0", name + ".dll");
        return ProcessRunner.Run("dotnet", [assembly, .. arguments ?? []], TimeSpan.FromMinutes(2), project, standardInput);
    }

    // The guest project's NuGet packages, at the same versions.
    private static string PackageReferences(string guestProject) =>
        string.Join("\n", System.Xml.Linq.XDocument.Load(guestProject).Descendants("PackageReference")
            .Select(reference => $"    <PackageReference Include=\"{reference.Attribute("Include")?.Value}\" Version=\"{reference.Attribute("Version")?.Value}\" />"));
}
