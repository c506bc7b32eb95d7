namespace Unikraft.Boot.Tests;

// tests/apps/bcl-files-refusals: what vfscore does not keep (permissions, times, symbolic
// links) fails with the exception .NET gives for Linux's errno, the program carries on, and
// asking for what is already so succeeds. (A differential run cannot check these: the host
// runs as root on a file system that keeps them.)
public sealed class BclFileRefusalsBootTests
{
    private const string Denied = "System.UnauthorizedAccessException: Access to the path '/file.txt' is denied.";

    [Fact]
    public void PermissionTimeAndLinkChangesAreRefusedWithDotnetsExceptions()
    {
        HostProcessResult run = Qemu.BootElf(Images.BclFileRefusals.Elf);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("set attributes normal: ok", run.Lines);
        Assert.Contains("set attributes read-only: " + Denied, run.Lines);
        Assert.Contains("set unix mode unchanged: ok", run.Lines);
        Assert.Contains("set unix mode executable: " + Denied, run.Lines);
        Assert.Contains("set unix mode of missing: System.IO.FileNotFoundException: Could not find file '/missing.txt'.", run.Lines);
        Assert.Contains("set last write time: " + Denied, run.Lines);
        Assert.Contains("set last write time of missing: System.IO.FileNotFoundException: Could not find file '/missing.txt'.", run.Lines);
        Assert.Contains("create symbolic link: System.UnauthorizedAccessException: Access to the path '/link.txt' is denied.", run.Lines);
        Assert.Contains("create symbolic link over a file: System.IO.IOException: The file '/file.txt' already exists.", run.Lines);
        Assert.Contains("  link target: (none)", run.Lines);
        Assert.Contains("  mode: OtherRead, GroupRead, UserWrite, UserRead; OtherExecute, OtherRead, GroupExecute, GroupRead, UserExecute, UserWrite, UserRead", run.Lines);
        Assert.Contains("content: x", run.Lines);
        Assert.Contains("done", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }
}
