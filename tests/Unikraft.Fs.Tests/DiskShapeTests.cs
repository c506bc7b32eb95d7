using System.Globalization;
using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// Disks that are not the plain 512-byte writable kind.
public class DiskShapeTests
{
    [Theory]
    [InlineData(4096, 4096)]
    [InlineData(4096, 512)]
    public void FourKibSectorFileSystems(int fsSectorBytes, int diskSectorBytes)
    {
        string path = Path.Combine(Path.GetTempPath(), "ukfs-" + Guid.NewGuid().ToString("N") + ".img");
        try
        {
            var (code, output) = HostTools.Run(HostTools.Find("mkfs.fat"), "-C", "-F", "32", "-S", fsSectorBytes.ToString(CultureInfo.InvariantCulture), path, (300 * 1024).ToString(CultureInfo.InvariantCulture));
            Assert.True(code == 0, output);
            byte[] data = FatImage.Pattern(50_000, 11);
            HostTools.CopyBytes(path, data, "HOST.BIN");
            var disk = new MemoryDisk(File.ReadAllBytes(path), diskSectorBytes);
            Assert.Equal(FsError.None, FatFileSystem.Mount(disk, out FatFileSystem? fs, out string problem));
            var vfs = new VirtualFileSystem();
            vfs.Mount("/", fs!);
            Assert.Equal(FsError.None, vfs.ReadAllBytes("/HOST.BIN", out byte[] back));
            Assert.Equal(data, back);
            Assert.Equal(FsError.None, vfs.WriteAllBytes("/guest file.bin", data.AsSpan(0, 10_001)));
            File.WriteAllBytes(path, disk.Bytes);
            Assert.Equal(data.AsSpan(0, 10_001).ToArray(), HostTools.Type(path, "guest file.bin"));
            HostTools.AssertFsckClean(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AReadOnlyDiskReadsButRefusesChanges()
    {
        string path = HostTools.MakeImage(16, 16);
        HostTools.CopyBytes(path, "ro"u8.ToArray(), "RO.TXT");
        byte[] before = File.ReadAllBytes(path);
        var disk = new MemoryDisk((byte[])before.Clone(), readOnly: true);
        File.Delete(path);
        Assert.Equal(FsError.None, FatFileSystem.Mount(disk, out FatFileSystem? fs, out _));
        var vfs = new VirtualFileSystem();
        vfs.Mount("/", fs!);
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/RO.TXT", out byte[] text));
        Assert.Equal("ro"u8.ToArray(), text);
        Assert.Equal(FsError.ReadOnly, vfs.WriteAllBytes("/RO.TXT", "x"u8));
        Assert.Equal(FsError.ReadOnly, vfs.WriteAllBytes("/NEW.TXT", "x"u8));
        Assert.Equal(FsError.ReadOnly, vfs.CreateDirectory("/d"));
        Assert.Equal(FsError.ReadOnly, vfs.Delete("/RO.TXT"));
        Assert.Equal(FsError.ReadOnly, vfs.Rename("/RO.TXT", "/R2.TXT"));
        Assert.Equal(before, disk.Bytes);
    }

    [Fact]
    public void AFileOpenTwiceIsRefusedUntilClosed()
    {
        using var image = new FatImage(HostTools.MakeImage(16, 16));
        Assert.Equal(FsError.None, image.Vfs.Open("/f.txt", OpenMode.Write | OpenMode.Create, out VfsFile? first));
        Assert.Equal(FsError.Busy, image.Vfs.Open("/F.TXT", OpenMode.Read, out _));
        Assert.Equal(FsError.Busy, image.Vfs.Delete("/f.txt"));
        Assert.Equal(FsError.Busy, image.Vfs.Unmount("/"));
        Assert.Equal(FsError.None, first!.Close());
        Assert.Equal(FsError.None, image.Vfs.Open("/F.TXT", OpenMode.Read, out VfsFile? again));
        again!.Close();
    }
}
