using Unikraft.Fs.Tests;

namespace Unikraft.Boot.Tests;

// tests/apps/fs-fat: fatfs on virtio-blk disks made on the host with mkfs.fat and mtools.
// What the guest writes mtools reads and fsck.fat accepts; what the host writes the guest
// reads; corrupt disks are refused with a message, never a hang or a crash.
public sealed class FatDiskBootTests
{
    private static string[] Disk(string image) =>
        ["-drive", "file=" + image + ",if=none,id=d0,format=raw", "-device", "virtio-blk-pci,drive=d0"];

    private static HostProcessResult Boot(string image, string arguments) =>
        Qemu.BootElfWith(Images.FsFat.Elf, "-- " + arguments, Disk(image), memoryMiB: 64);

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheHostReadsWhatTheGuestWrote(int fatBits) => HostReadsWhatTheGuestWrote(Images.FsFat.Elf, Disk, "vda", fatBits);

    // The scenarios take the image, the QEMU arguments that attach a disk file and the disk's
    // name, so they run on other disk drivers too (AhciFatDiskBootTests).
    internal static void HostReadsWhatTheGuestWrote(string elf, Func<string, string[]> attach, string diskName, int fatBits)
    {
        string image = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40);
        try
        {
            HostProcessResult run = Qemu.BootElfWith(elf, "-- write", attach(image), memoryMiB: 64);

            Assert.Contains("[ info] vfs: mounted fatfs:" + diskName + " at /disk", run.Lines);
            Assert.Contains("fs-fat: write done", run.Lines);
            Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
            HostTools.AssertFsckClean(image);
            Assert.Equal("written by the guest\n"u8.ToArray(), HostTools.Type(image, "GUEST.TXT"));
            Assert.Equal("long name content\n"u8.ToArray(), HostTools.Type(image, "Guest Dir/nested/A long file name written in the guest.txt"));
            Assert.Equal("renamed"u8.ToArray(), HostTools.Type(image, "new name.txt"));
            byte[] big = HostTools.Type(image, "Guest Dir/big.bin");
            Assert.Equal(256 * 4096, big.Length);
            for (int i = 0; i < 256; i++)
                for (int j = 0; j < 4096; j += 511)
                    Assert.Equal((byte)(i * 7 + j), big[i * 4096 + j]);
            string root = HostTools.Dir(image, "");
            Assert.DoesNotContain("to-delete", root);
            Assert.DoesNotContain("old name", root);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void TheGuestReadsWhatTheHostWrote(int fatBits) => GuestReadsWhatTheHostWrote(Images.FsFat.Elf, Disk, fatBits);

    internal static void GuestReadsWhatTheHostWrote(string elf, Func<string, string[]> attach, int fatBits)
    {
        string image = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40);
        try
        {
            HostTools.MakeDirectory(image, "host");
            HostTools.CopyBytes(image, "hello guest\n"u8.ToArray(), "host/Hello From The Host.txt");
            byte[] data = new byte[300_000];
            new Random(fatBits).NextBytes(data);
            HostTools.CopyBytes(image, data, "host/DATA.BIN");
            uint sum = 0;
            foreach (byte b in data)
                sum = sum * 31 + b;

            HostProcessResult run = Qemu.BootElfWith(elf, "-- read", attach(image), memoryMiB: 64);

            Assert.Contains("text hello guest", run.Lines);
            Assert.Contains("file /disk/host/DATA.BIN 300000 bytes sum " + sum, run.Lines);
            Assert.Contains("fs-fat: read done", run.Lines);
            Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }

    public static TheoryData<string, string> BootSectorDamage => new()
    {
        { "signature", "no 0x55AA signature" },
        { "sectorsize", "563 bytes per sector (expected 512, 1024, 2048 or 4096)" },
        { "zeros", "no 0x55AA signature" },
    };

    [Theory]
    [MemberData(nameof(BootSectorDamage))]
    public void ACorruptBootSectorIsRefusedAtMount(string damage, string message)
    {
        string image = HostTools.MakeImage(16, 16);
        try
        {
            byte[] bytes = File.ReadAllBytes(image);
            if (damage == "signature")
                bytes[510] = 0x12;
            else if (damage == "sectorsize")
                bytes[11] = 0x33;
            else
                Array.Clear(bytes, 0, 512);
            File.WriteAllBytes(image, bytes);

            HostProcessResult run = Boot(image, "list");

            Assert.Contains(run.Lines, line => line.StartsWith("[error] vfs: cannot mount fatfs:vda at /disk: boot sector: ", StringComparison.Ordinal) && line.Contains(message));
            Assert.Contains("fs-fat: disk not mounted", run.Lines);
            Assert.Equal(Qemu.ExitCodeFor(3), run.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Theory]
    [InlineData("loop", "loops")]
    [InlineData("range", "outside the data area")]
    public void ADamagedClusterChainIsRefusedForThatFile(string damage, string message)
    {
        string image = HostTools.MakeImage(16, 16);
        try
        {
            byte[] data = new byte[40_000];
            HostTools.CopyBytes(image, data, "BAD.BIN");
            HostTools.CopyBytes(image, "fine\n"u8.ToArray(), "GOOD.TXT");
            byte[] bytes = File.ReadAllBytes(image);
            // mkfs.fat -F 16 on 16 MiB: 4 reserved sectors, FATs of 32 sectors, 2 copies;
            // BAD.BIN starts at cluster 2 (the first file on a fresh disk).
            int fatSectors = BitConverter.ToUInt16(bytes, 22);
            int reserved = BitConverter.ToUInt16(bytes, 14);
            ushort value = damage == "loop" ? (ushort)2 : (ushort)0xFFF0;
            for (int copy = 0; copy < 2; copy++)
                BitConverter.GetBytes(value).CopyTo(bytes, (reserved + copy * fatSectors) * 512 + 4 * 2);
            File.WriteAllBytes(image, bytes);

            HostProcessResult bad = Boot(image, "open /disk/BAD.BIN");
            HostProcessResult good = Boot(image, "open /disk/GOOD.TXT");

            Assert.Contains(bad.Lines, line => line.StartsWith("open /disk/BAD.BIN: file system structure is corrupt: file 'BAD.BIN': ", StringComparison.Ordinal) && line.Contains(message));
            Assert.Equal(Qemu.ExitCodeFor(0), bad.ExitCode);
            HostProcessResult thrown = Boot(image, "readall /disk/BAD.BIN");
            Assert.Contains(thrown.Lines, line => line.Contains("System.IO.IOException: file system structure is corrupt: '/disk/BAD.BIN': file 'BAD.BIN': ") && line.Contains(message));
            Assert.Equal(255, thrown.ExitCode);
            Assert.Contains("read 5 bytes", good.Lines);
            Assert.Equal(Qemu.ExitCodeFor(0), good.ExitCode);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
