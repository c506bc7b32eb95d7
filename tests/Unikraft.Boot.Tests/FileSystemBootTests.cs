namespace Unikraft.Boot.Tests;

// tests/apps/fs-ramfs: System.IO File/FileStream/Directory over vfscore and ramfs in the
// guest, mounts from the kernel command line, the corlib collections, Console.ReadLine.
public sealed class FileSystemBootTests
{
    [Fact]
    public void TheFileApiWorksOnRamfs()
    {
        HostProcessResult run = Qemu.BootElf(Images.FsRamfs.Elf);

        Assert.Contains("[ info] vfs: mounted ramfs at /", run.Lines);
        Assert.Contains("mount / ramfs", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        foreach (string check in new[] { "write, append and read text", "seek from the end and read", "truncate", "move", "list a directory", "delete", "missing file is an error value", "name too long", "FileNotFoundException caught", "IOException caught", "List<T>", "Dictionary<TKey, TValue>" })
            Assert.Contains("ok " + check, run.Lines);
        Assert.Contains("all file checks passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void TheKernelCommandLineReplacesTheManifestsMounts()
    {
        HostProcessResult run = Qemu.BootElf(Images.FsRamfs.Elf, "vfs.fstab=/=ramfs,/tmp=ramfs --");

        Assert.Contains("[ info] vfs: mounted ramfs at /tmp", run.Lines);
        Assert.Contains("mount /tmp ramfs", run.Lines);
        Assert.Contains("ok second mount from the kernel command line", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void ABadFstabIsReportedAndTheBootGoesOn()
    {
        HostProcessResult run = Qemu.BootElf(Images.FsRamfs.Elf, "vfs.fstab=/=ramfs,/x=nosuchfs,/y=fatfs:vda --");

        Assert.Contains("[error] vfs: cannot mount nosuchfs at /x: no file system type 'nosuchfs' in the image", run.Lines);
        Assert.Contains("[error] vfs: cannot mount fatfs:vda at /y: no file system type 'fatfs' in the image", run.Lines);
        Assert.Contains("all file checks passed", run.Lines);
    }

    [Fact]
    public void AnUncaughtFileNotFoundNamesThePath()
    {
        HostProcessResult run = Qemu.BootElf(Images.FsRamfs.Elf, "-- missing");

        Assert.Contains(run.Lines, line => line.Contains("System.IO.FileNotFoundException: Could not find file '/not/there.txt'"));
        Assert.NotEqual(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void ConsoleReadLineReadsTypedLines()
    {
        using var guest = QemuSession.BootElf(Images.FsRamfs.Elf, "-- readline");
        guest.WaitForLine("type two lines", TimeSpan.FromSeconds(30));
        guest.Type("first line\r");
        guest.Type("seconx\bd line\n");
        guest.WaitForLine("line 1 [", TimeSpan.FromSeconds(30));
        Assert.Contains("line 1 [first line] line 2 [second line]", guest.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(30)));
    }
}
