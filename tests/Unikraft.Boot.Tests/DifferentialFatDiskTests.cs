using Unikraft.Fs.Tests;

namespace Unikraft.Boot.Tests;

// bcl-files' program with its working directory on a FAT32 disk (tests/apps/bcl-files-fat:
// fatfs on virtio-blk mounted at /): the same lines as host .NET, and the disk it leaves
// behind is one fsck.fat accepts.
public sealed partial class DifferentialTests
{
    [Fact]
    public void SystemIOOnAFatDiskPrintsWhatHostDotnetPrints()
    {
        BuiltImage image = Images.Differential("tests/apps/bcl-files-fat", "bcl-files-fat");
        HostProcessResult host = HostTwin.Run("tests/apps/bcl-files", "bcl-files");
        Assert.True(host.ExitCode == 0, "host run failed:\n" + host.Output);
        string disk = HostTools.MakeImage(32, 40);
        try
        {
            HostProcessResult guest = Qemu.BootElfWith(image.Elf, null,
                ["-drive", "file=" + disk + ",if=none,id=d0,format=raw", "-device", "virtio-blk-pci,drive=d0"], memoryMiB: 64);

            Assert.Contains("[ info] vfs: mounted fatfs:vda at /", guest.Lines);
            AssertSameOutput(host, guest, image);
            HostTools.AssertFsckClean(disk);
        }
        finally
        {
            File.Delete(disk);
        }
    }
}
