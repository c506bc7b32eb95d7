using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// The SDK and the templates as a user gets them: packed into a folder feed, the templates
// installed, an app created from `dotnet new unikernel` in a folder outside the repository,
// built with that feed as its only package source, and booted from its ELF and its ISO. The
// app also uses a library that is not part of the repository, from a package of its own made
// here with the SDK's library mode.
public sealed partial class SdkPackageBootTests(SdkPackageBootTests.TemplateApp app) : IClassFixture<SdkPackageBootTests.TemplateApp>
{
    [Fact]
    public void TheTemplateAppIsAnSdkProjectOutsideTheRepository()
    {
        Assert.Equal(0, app.Build.ExitCode);
        Assert.False(app.Directory.StartsWith(Repository.Root, StringComparison.Ordinal));
        Assert.Contains($"<Project Sdk=\"Unikraft.Sdk/{app.Version}\">", File.ReadAllText(Path.Combine(app.Directory, "demo.csproj")));
        Assert.False(File.Exists(Path.Combine(app.Directory, "Directory.Build.props")));
        Assert.True(File.Exists(app.Elf));
        Assert.True(File.Exists(app.Iso));
    }

    [Fact]
    public void TheBuildWritesNothingIntoThePackageFolder()
    {
        string package = Path.Combine(app.Packages, "unikraft.sdk", app.Version.ToLowerInvariant());
        Assert.True(Directory.Exists(Path.Combine(package, "root", "kernel", "core")), "the SDK was not restored into " + package);
        Assert.Empty(Directory.GetDirectories(package, "obj", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(package, "bin", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(app.LibraryOutputs, "kernel", "core", "bin", "Debug", "core.dll")));
    }

    [Fact]
    public void TheElfBoots()
    {
        HostProcessResult boot = Qemu.BootElf(app.Elf, "-- one two", memoryMiB: 64);

        Assert.Contains("Hello from demo, a C# unikernel!", boot.Output);
        Assert.Contains("  args[1] = two", boot.Output);
        Assert.Equal(Qemu.ExitCodeFor(0), boot.ExitCode);
    }

    [Fact]
    public void TheLibraryFromItsOwnPackageIsInTheImage()
    {
        HostProcessResult boot = Qemu.BootElf(app.Elf, memoryMiB: 64);

        Assert.Contains("Greetings to demo from a library package", boot.Output);
        Assert.Contains("greeting", File.ReadAllText(Path.Combine(app.Directory, "obj", "Debug", "uk", "image.json")));
        string package = Path.Combine(app.Packages, "acme.greeting", "1.0.0");
        Assert.True(File.Exists(Path.Combine(package, "library", "greeting", "library.yaml")));
        Assert.Empty(Directory.GetDirectories(package, "obj", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(app.LibraryOutputs, "external", "greeting", "bin", "Debug", "greeting.dll")));
    }

    [Fact]
    public void TheIsoBootsUnderBios()
    {
        HostProcessResult boot = Qemu.BootIsoBios(app.Iso, memoryMiB: 64, timeoutSeconds: 90);

        Assert.Contains("Hello from demo, a C# unikernel!", boot.Output);
        Assert.Equal(Qemu.ExitCodeFor(0), boot.ExitCode);
    }

    [Fact]
    public void DotnetRunBootsTheImageInQemu()
    {
        HostProcessResult run = HostProcess.Run("dotnet", ["run", "--property:UkBuildOutputRoot=" + app.LibraryOutputs], TimeSpan.FromMinutes(3), app.Directory);

        Assert.Contains("Hello from demo, a C# unikernel!", run.Output);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void ASecondBuildWithNoChangeDoesNoImageWork()
    {
        DateTime elfTime = File.GetLastWriteTimeUtc(app.Elf);

        HostProcessResult again = app.DotnetBuild();

        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("uk: ILC", again.Output);
        Assert.DoesNotContain("uk: ld", again.Output);
        Assert.Equal(elfTime, File.GetLastWriteTimeUtc(app.Elf));
    }

    // Packs, installs, creates and builds once for the class's tests.
    public sealed partial class TemplateApp : IDisposable
    {
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "uk-sdk-" + Guid.NewGuid().ToString("N")[..8]);

        public TemplateApp()
        {
            // The app restores with the feed as its only source; .NET's own packages (ILC, the
            // runtime packs) come from the machine's NuGet folder, filled by the in-repo build.
            _ = Images.Hello;

            // A version no NuGet folder has seen: NuGet never unpacks a version it already holds.
            Version = RepositoryVersion() + "-test." + Path.GetFileName(_scratch)[7..];
            string feed = Path.Combine(_scratch, "feed");
            Dotnet(Repository.Root, "pack", "tools/sdk", "-c", "Release", "-o", feed, "-p:Version=" + Version, "-nologo");
            Dotnet(Repository.Root, "pack", "tools/templates", "-o", feed, "-p:Version=" + Version, "-nologo");
            Packages = Path.Combine(_scratch, "packages");
            LibraryOutputs = Path.Combine(_scratch, "library-outputs") + "/";
            string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(_scratch, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Packages}" /></config>
                  <packageSources><clear /><add key="feed" value="{feed}" /></packageSources>
                  <fallbackPackageFolders><clear /><add key="machine" value="{machinePackages}" /></fallbackPackageFolders>
                </configuration>
                """);

            MakeLibraryPackage(feed);
            string hive = Path.Combine(_scratch, "hive");
            Dotnet(_scratch, "new", "install", Path.Combine(feed, $"Unikraft.Templates.{Version}.nupkg"), "--debug:custom-hive", hive);
            Dotnet(_scratch, "new", "unikernel", "-n", "demo", "-o", Directory, "--sdkVersion", Version, "--debug:custom-hive", hive);
            UseTheLibrary();
            Build = DotnetBuild();
            Assert.True(Build.ExitCode == 0, "dotnet build of the template app failed:\n" + Build.Output);
        }

        public string Version { get; }

        public string Directory => Path.Combine(_scratch, "demo");

        public string Packages { get; }

        // Where the SDK's libraries build to (UkBuildOutputRoot), inside the scratch folder.
        public string LibraryOutputs { get; }

        internal HostProcessResult Build { get; }

        public string Elf => Path.Combine(Directory, "bin", "Debug", "demo.elf");

        public string Iso => Path.Combine(Directory, "bin", "Debug", "demo.iso");

        internal HostProcessResult DotnetBuild() =>
            HostProcess.Run("dotnet", ["build", "-nologo", "-p:UkBuildOutputRoot=" + LibraryOutputs], TimeSpan.FromMinutes(10), Directory);

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(_scratch, recursive: true);
            }
            catch (IOException)
            {
                // A QEMU still closing can hold a file; the folder is in the temp directory.
            }
        }

        // A library as a third party would publish it: library.yaml, a project on the SDK, C#.
        private void MakeLibraryPackage(string feed)
        {
            string library = Path.Combine(_scratch, "greeting");
            System.IO.Directory.CreateDirectory(library);
            File.WriteAllText(Path.Combine(library, "library.yaml"),
                "name: greeting\ndescription: a library from a package outside the repository (SdkPackageBootTests)\nkind: library\n");
            File.WriteAllText(Path.Combine(library, "greeting.csproj"), $"""
                <Project Sdk="Unikraft.Sdk/{Version}">
                  <PropertyGroup>
                    <PackageId>Acme.Greeting</PackageId>
                    <Version>1.0.0</Version>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(library, "Greeter.cs"),
                "namespace Acme.Greeting;\n\npublic static class Greeter\n{\n    public static string Greet(string who) => \"Greetings to \" + who + \" from a library package\";\n}\n");
            Dotnet(library, "pack", "-o", feed, "-nologo", "-p:UkBuildOutputRoot=" + LibraryOutputs);
        }

        // The template app references the package, lists the library and calls it.
        private void UseTheLibrary()
        {
            string project = Path.Combine(Directory, "demo.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
                "  <ItemGroup>\n    <PackageReference Include=\"Acme.Greeting\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>"));
            string manifest = Path.Combine(Directory, "unikernel.yaml");
            string manifestText = File.ReadAllText(manifest);
            Assert.Contains("libraries: [", manifestText);
            File.WriteAllText(manifest, manifestText.Replace("libraries: [", "libraries: [greeting, "));
            string program = Path.Combine(Directory, "Program.cs");
            string programText = File.ReadAllText(program);
            int end = programText.LastIndexOf("return 0;", StringComparison.Ordinal);
            File.WriteAllText(program, programText[..end] + "Console.WriteLine(Acme.Greeting.Greeter.Greet(\"demo\"));\n" + programText[end..]);
        }

        private static void Dotnet(string workingDirectory, params string[] arguments)
        {
            System.IO.Directory.CreateDirectory(workingDirectory);
            HostProcessResult result = HostProcess.Run("dotnet", arguments, TimeSpan.FromMinutes(5), workingDirectory);
            Assert.True(result.ExitCode == 0, "dotnet " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        }

        private static string RepositoryVersion() =>
            VersionPattern().Match(File.ReadAllText(Repository.PathOf("Directory.Build.props"))).Groups[1].Value;

        [GeneratedRegex(@"<UkVersion>([^<]+)</UkVersion>")]
        private static partial Regex VersionPattern();
    }
}
