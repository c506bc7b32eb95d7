using Xunit.Abstractions;

namespace Unikraft.Boot.Tests;

// apps/kvstore with its FAT disk on QEMU's NVMe controller (tests/apps/kvstore-nvme): the
// scenarios of KvStoreBootTests - commands survive a reboot, and QEMU killed at random
// points never loses a record reported flushed - with the NVMe Flush command doing the
// flushing.
public sealed class NvmeKvStoreBootTests(ITestOutputHelper output)
{
    private static string[] Disk(string image) => DiskImage.NvmeDisk(image, "d0");

    [Fact]
    public void CommandsFromTheConsoleSurviveAReboot() => KvStoreBootTests.CommandsSurviveAReboot(Images.KvStoreNvme.Elf, Disk);

    [Fact]
    public void KilledAtRandomPointsNothingFlushedIsLost() => KvStoreBootTests.KilledAtRandomPoints(Images.KvStoreNvme.Elf, Disk, 25, output);

    [Fact]
    public void TheDiskIsMountedFromItsNvmeName()
    {
        string image = Unikraft.Fs.Tests.HostTools.MakeImage(32, 40);
        try
        {
            HostProcessResult run = Qemu.BootElfWith(Images.KvStoreNvme.Elf, "-- dump", Disk(image), memoryMiB: 64);

            Assert.Contains("[ info] vfs: mounted fatfs:nvme0n1 at /", run.Lines);
            Assert.Contains(run.Lines, line => line.StartsWith("kvstore: loaded 0 records", StringComparison.Ordinal));
            Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
