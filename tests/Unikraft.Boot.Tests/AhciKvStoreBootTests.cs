using Xunit.Abstractions;

namespace Unikraft.Boot.Tests;

// apps/kvstore with its FAT disk on q35's AHCI controller (tests/apps/kvstore-ahci): the
// scenarios of KvStoreBootTests - commands survive a reboot, and QEMU killed at random
// points never loses a record reported flushed - with FLUSH CACHE EXT doing the flushing.
public sealed class AhciKvStoreBootTests(ITestOutputHelper output)
{
    private static string[] Disk(string image) => [.. DiskImage.Q35, .. DiskImage.AhciDisk(image, "d0")];

    [Fact]
    public void CommandsFromTheConsoleSurviveAReboot() => KvStoreBootTests.CommandsSurviveAReboot(Images.KvStoreAhci.Elf, Disk);

    [Fact]
    public void KilledAtRandomPointsNothingFlushedIsLost() => KvStoreBootTests.KilledAtRandomPoints(Images.KvStoreAhci.Elf, Disk, 25, output);

    [Fact]
    public void TheDiskIsMountedFromItsSataName()
    {
        string image = Unikraft.Fs.Tests.HostTools.MakeImage(32, 40);
        try
        {
            HostProcessResult run = Qemu.BootElfWith(Images.KvStoreAhci.Elf, "-- dump", Disk(image), memoryMiB: 64);

            Assert.Contains("[ info] vfs: mounted fatfs:sda at /", run.Lines);
            Assert.Contains(run.Lines, line => line.StartsWith("kvstore: loaded 0 records", StringComparison.Ordinal));
            Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
