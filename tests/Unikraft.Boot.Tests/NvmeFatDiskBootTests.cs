namespace Unikraft.Boot.Tests;

// tests/apps/fs-fat's program with its FAT disk on QEMU's NVMe controller
// (tests/apps/fs-fat-nvme): FatDiskBootTests' exchange in both directions, FAT16 and FAT32.
public sealed class NvmeFatDiskBootTests
{
    private static string[] Disk(string image) => DiskImage.NvmeDisk(image, "d0");

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheHostReadsWhatTheGuestWrote(int fatBits) => FatDiskBootTests.HostReadsWhatTheGuestWrote(Images.FsFatNvme.Elf, Disk, "nvme0n1", fatBits);

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheGuestReadsWhatTheHostWrote(int fatBits) => FatDiskBootTests.GuestReadsWhatTheHostWrote(Images.FsFatNvme.Elf, Disk, fatBits);
}
