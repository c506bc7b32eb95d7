namespace Unikraft.Cli.Tests;

// uk new -> uk build -> uk run on an app of the default template (console), end to end.
[Collection(BuiltAppCollection.Name)]
public sealed class CoreCommandTests(BuiltAppFixture fixture)
{
    [Fact]
    public void New_writes_a_manifest_program_and_project_named_after_the_app()
    {
        Assert.True(fixture.New.ExitCode == 0, fixture.New.ToString());
        Assert.Contains("name: demo", File.ReadAllText(Path.Combine(fixture.App, "unikernel.yaml")));
        Assert.True(File.Exists(Path.Combine(fixture.App, "demo.csproj")));
        Assert.Contains("Hello from demo", File.ReadAllText(Path.Combine(fixture.App, "Program.cs")));
        // Under tests/apps the folder's Directory.Build.* apply: the app gets none of its own.
        Assert.False(File.Exists(Path.Combine(fixture.App, "Directory.Build.props")));
    }

    [Fact]
    public void First_build_runs_every_step_and_summarizes_sizes_and_libraries()
    {
        var build = fixture.FirstBuild;
        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (string step in new[] { "resolve", "ILC", "NASM", "ld", "grub" })
            Assert.Matches(@"✓ " + step + @"\s+\d+\.\d+s", build.Output);
        Assert.Matches(@"built in \d+\.\d+s: demo\.elf \d+(\.\d+)? KB, demo\.iso [\d.]+ MB; libraries: core pc-x86_64 uart16550 vgacons acpi apic ukalloc ukalloctlsf ukgc ukgc-marksweep uksched ukschedcoop", build.Output);
        Assert.True(File.Exists(Path.Combine(fixture.App, "bin/Debug/demo.elf")));
        Assert.True(File.Exists(Path.Combine(fixture.App, "bin/Debug/demo.iso")));
    }

    [Fact]
    public void Second_build_says_up_to_date()
    {
        var build = Uk.Run(fixture.App, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("up to date: nothing to rebuild", build.Output);
        Assert.DoesNotContain("ILC", build.Output);
    }

    [Fact]
    public void Run_boots_the_app_prints_its_greeting_and_exits_zero()
    {
        var run = Uk.Run(RepositoryRoot.Path, "run", fixture.App);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Hello from demo, a C# unikernel!", run.Output);
        // The default template's heap is collected: 20,000 dictionary updates with strings.
        Assert.Contains("distinct words: 100, each seen 200 times", run.Output);
        Assert.Contains("guest exit code 0", run.Output);
    }

    [Fact]
    public void Run_passes_append_arguments_to_the_guest()
    {
        var run = Uk.Run(fixture.App, "run", "--append=-- alpha beta");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("args[1] = beta", run.Output);
    }

    [Fact]
    public void Verbose_shows_the_commands_run()
    {
        var build = Uk.Run(fixture.App, "build", "--verbose");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("$ dotnet build", build.Output);
    }
}
