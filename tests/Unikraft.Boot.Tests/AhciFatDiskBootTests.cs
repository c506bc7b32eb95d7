namespace Unikraft.Boot.Tests;

// tests/apps/fs-fat's program with its FAT disk on q35's AHCI controller
// (tests/apps/fs-fat-ahci): FatDiskBootTests' exchange in both directions, FAT16 and FAT32.
public sealed class AhciFatDiskBootTests
{
    private static string[] Disk(string image) => [.. DiskImage.Q35, .. DiskImage.AhciDisk(image, "d0")];

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheHostReadsWhatTheGuestWrote(int fatBits) => FatDiskBootTests.HostReadsWhatTheGuestWrote(Images.FsFatAhci.Elf, Disk, "sda", fatBits);

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheGuestReadsWhatTheHostWrote(int fatBits) => FatDiskBootTests.GuestReadsWhatTheHostWrote(Images.FsFatAhci.Elf, Disk, fatBits);
}
