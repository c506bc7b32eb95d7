namespace Unikraft.Boot.Tests;

// tests/apps/bcl-environment on .NET's own CoreLib: Environment's variables come from the
// manifest's env map and env.NAME=value kernel parameters, GetCommandLineArgs is the image
// name then the arguments after "--", and in an image without vfscore System.IO throws an
// IOException naming what to add instead of stopping the kernel.
public sealed class BclEnvironmentBootTests
{
    private const string NoFileSystem = "No file system in this image: add vfscore and a file system (ramfs, fatfs) to libraries in unikernel.yaml";

    [Fact]
    public void TheManifestsVariablesReachEnvironmentAndFilesFailWithAClearIOException()
    {
        HostProcessResult run = Qemu.BootElf(Images.BclEnvironment.Elf);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("command line: bcl-environment", run.Lines);
        Assert.Contains("GREETING=[hello from the manifest]", run.Lines);
        Assert.Contains("EMPTY=[]", run.Lines);
        Assert.Contains("UNICODE=[grüße]", run.Lines);
        Assert.Contains("MISSING=(null)", run.Lines);
        Assert.Equal(new[] { "variable EMPTY=[]", "variable GREETING=[hello from the manifest]", "variable UNICODE=[grüße]" },
            run.Lines.Where(line => line.StartsWith("variable ", StringComparison.Ordinal)));
        Assert.Contains("SET_AT_RUN_TIME=[yes]", run.Lines);
        Assert.Contains("cwd: /", run.Lines);
        Assert.Contains("exists: False False", run.Lines);
        Assert.Contains("read: System.IO.IOException: " + NoFileSystem + " : '/data.txt'", run.Lines);
        Assert.Contains("write: System.IO.IOException: " + NoFileSystem + " : '/data.txt'", run.Lines);
        Assert.Contains("create directory: System.IO.IOException: " + NoFileSystem + " : '/made'", run.Lines);
        Assert.Contains("list: System.IO.IOException: " + NoFileSystem + " : '/'", run.Lines);
        Assert.Contains("done", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void KernelParametersAddAndReplaceVariablesAndArgumentsFollowTheImageName()
    {
        HostProcessResult run = Qemu.BootElf(Images.BclEnvironment.Elf, "env.GREETING=from-the-command-line env.EXTRA=1 env.9bad=x -- one two");

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("args: one|two", run.Lines);
        Assert.Contains("command line: bcl-environment|one|two", run.Lines);
        Assert.Contains("GREETING=[from-the-command-line]", run.Lines);
        Assert.Equal(new[] { "variable EMPTY=[]", "variable EXTRA=[1]", "variable GREETING=[from-the-command-line]", "variable UNICODE=[grüße]" },
            run.Lines.Where(line => line.StartsWith("variable ", StringComparison.Ordinal)));
        Assert.Contains("[ warn] env: ignored kernel parameter 'env.9bad=x': expected env.NAME=value (letters, digits and '_' in NAME)", run.Lines);
        Assert.Contains("done", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }
}
