namespace Unikraft.Boot.Tests;

// The build itself: outputs, incrementality and manifest errors, through `dotnet build`.
public sealed class ImageBuildTests
{
    [Fact]
    public void BuildLeavesAnElfAndAnIsoThatGrubAccepts()
    {
        BuiltImage hello = Images.Hello;

        Assert.True(File.Exists(hello.Elf));
        Assert.True(File.Exists(hello.Iso));
        HostProcessResult multiboot = HostProcess.Run("grub-file", ["--is-x86-multiboot2", hello.Elf], TimeSpan.FromSeconds(30));
        Assert.Equal(0, multiboot.ExitCode);
    }

    [Fact]
    public void SecondBuildWithNoChangeDoesNoImageWork()
    {
        // Other tests of the run may have changed what hello's build depends on since it was
        // first built (SdkPackageBootTests rebuilds the build's tasks at another version):
        // one build settles that, and the one after it is the build with no change.
        Assert.Equal(0, Images.DotnetBuild("apps/hello").ExitCode);
        DateTime elfTime = File.GetLastWriteTimeUtc(Images.Hello.Elf);
        DateTime isoTime = File.GetLastWriteTimeUtc(Images.Hello.Iso);

        HostProcessResult again = Images.DotnetBuild("apps/hello");

        Assert.Equal(0, again.ExitCode);
        // No library source changed: their assemblies are taken as last built.
        Assert.Contains("uk: libraries up to date", again.Output);
        Assert.DoesNotContain("uk: ILC", again.Output);
        Assert.DoesNotContain("uk: NASM", again.Output);
        Assert.DoesNotContain("uk: ld", again.Output);
        Assert.DoesNotContain("uk: grub", again.Output);
        Assert.Equal(elfTime, File.GetLastWriteTimeUtc(Images.Hello.Elf));
        Assert.Equal(isoTime, File.GetLastWriteTimeUtc(Images.Hello.Iso));
    }

    [Fact]
    public void LibraryNameTypoFailsTheBuildWithFileLineAndHint()
    {
        using var app = new ScratchApp("libraries: [uart1655]");

        HostProcessResult build = Images.DotnetBuild(app.Directory);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("unikernel.yaml(4): error : unknown library 'uart1655' (did you mean 'uart16550'?)", build.Output);
        Assert.DoesNotContain("uk: ILC", build.Output);
    }

    [Fact]
    public void IllTypedOptionFailsTheBuildWithFileAndLine()
    {
        using var app = new ScratchApp("libraries: [uart16550]\noptions:\n  uart16550.port: com1");

        HostProcessResult build = Images.DotnetBuild(app.Directory);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("unikernel.yaml(6): error : option 'uart16550.port' expects int (decimal or 0x hex), got 'com1'", build.Output);
    }

    [Fact]
    public void UsingAFullLibraryNamespaceOnTheMinimalCorlibSaysToAddDotnet()
    {
        using var app = new ScratchApp("libraries: [uart16550]", "using System;\nusing System.Linq;\n\nConsole.WriteLine(new[] { 1, 2 }.Sum());\n");

        HostProcessResult build = Images.DotnetBuild(app.Directory);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(2,1): error UK0014: 'System.Linq' is part of .NET's base class library, which this image is not built with (it uses the minimal corlib): add dotnet to libraries in", build.Output);
        Assert.DoesNotContain("CS0234", build.Output);
        Assert.DoesNotContain("'System'", build.Output);
    }

    [Fact]
    public void IlcFailureOnTheMinimalCorlibIsReportedAtTheMethodWithTheManifestFix()
    {
        using var app = new ScratchApp("libraries: [uart16550]",
            "using System;\n\ninterface IScale { T By<T>(T value); }\nsealed class Same : IScale { public T By<T>(T value) => value; }\n\nstatic class Program\n{\n    static void Main()\n    {\n        IScale scale = new Same();\n        Console.WriteLine(scale.By(3));\n    }\n}\n");

        HostProcessResult build = Images.DotnetBuild(app.Directory);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(10,", build.Output);
        Assert.Contains("error UK0015: Program.Main calls a generic virtual method", build.Output);
        Assert.Contains("add dotnet to libraries in", build.Output);
        Assert.DoesNotContain("AggregateException", build.Output);
        Assert.DoesNotContain("MSB3073", build.Output);
    }

    [Fact]
    public void AChangeInTheAppsOwnLibraryProjectReachesTheImage()
    {
        // The app's own class library lives outside the library tree, where the build does not
        // look for changes: the libraries' assemblies must not be taken as last built then.
        using var app = new ScratchApp("libraries: [uart16550]", "System.Console.WriteLine(Scratch.Helper.Word());\nreturn 0;\n");
        string helper = Repository.PathOf(app.Directory + "-helper");
        Directory.CreateDirectory(helper);
        try
        {
            // An image library, not an app: the repository's settings without tests/apps/'s image build.
            File.WriteAllText(Path.Combine(helper, "Directory.Build.props"),
                "<Project>\n  <Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../../../'))\" />\n</Project>\n");
            File.WriteAllText(Path.Combine(helper, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(helper, "helper.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"$(UkRoot)tools/build/Image.props\" />\n</Project>\n");
            string source = Path.Combine(helper, "Helper.cs");
            File.WriteAllText(source, "namespace Scratch;\n\npublic static class Helper\n{\n    public static string Word() => \"first\";\n}\n");
            File.WriteAllText(Path.Combine(Repository.PathOf(app.Directory), "scratch.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <ProjectReference Include=\"../" + Path.GetFileName(helper) + "/helper.csproj\" />\n  </ItemGroup>\n</Project>\n");
            string elf = Repository.PathOf(Path.Combine(app.Directory, "bin", "Debug", "scratch.elf"));

            HostProcessResult first = Images.DotnetBuild(app.Directory);
            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("first", Qemu.BootElf(elf).Output);

            File.WriteAllText(source, "namespace Scratch;\n\npublic static class Helper\n{\n    public static string Word() => \"second\";\n}\n");
            HostProcessResult second = Images.DotnetBuild(app.Directory);
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.DoesNotContain("uk: libraries up to date", second.Output);
            Assert.Contains("second", Qemu.BootElf(elf).Output);
        }
        finally
        {
            Directory.Delete(helper, recursive: true);
        }
    }

    // A throwaway application under tests/apps/, so it gets the same build as every app.
    private sealed class ScratchApp : IDisposable
    {
        public ScratchApp(string manifestTail, string program = "return 0;\n")
        {
            Directory = Path.Combine("tests", "apps", ".scratch-" + Guid.NewGuid().ToString("N")[..8]);
            string full = Repository.PathOf(Directory);
            System.IO.Directory.CreateDirectory(full);
            File.WriteAllText(Path.Combine(full, "scratch.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            File.WriteAllText(Path.Combine(full, "Program.cs"), program);
            File.WriteAllText(Path.Combine(full, "unikernel.yaml"), "# scratch app of ImageBuildTests\nname: scratch\nplatform: pc-x86_64\n" + manifestTail + "\n");
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Repository.PathOf(Directory), recursive: true);
    }
}
