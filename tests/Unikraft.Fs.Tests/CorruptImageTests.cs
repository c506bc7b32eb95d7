using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// Damaged images: each is refused (at mount or when the damaged file is used) with an error
// that names the problem; nothing hangs or throws.
public class CorruptImageTests
{
    private static byte[] Image(int fatBits, Action<string>? populate = null)
    {
        string path = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40);
        populate?.Invoke(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private static string MountProblem(byte[] bytes)
    {
        FsError error = FatFileSystem.Mount(new MemoryDisk(bytes), out FatFileSystem? fs, out string problem);
        Assert.NotEqual(FsError.None, error);
        Assert.Null(fs);
        return problem;
    }

    [Fact]
    public void NoBootSignature()
    {
        byte[] bytes = Image(16);
        bytes[510] = 0;
        Assert.Contains("0x55AA", MountProblem(bytes));
    }

    [Fact]
    public void ZeroedDisk() => Assert.Contains("0x55AA", MountProblem(new byte[1 << 20]));

    [Theory]
    [InlineData(11, 700, "bytes per sector")]
    [InlineData(13, 3, "sectors per cluster")]
    [InlineData(16, 0, "FAT copies")]
    public void BadBootSectorFields(int offset, int value, string expected)
    {
        byte[] bytes = Image(16);
        bytes[offset] = (byte)value;
        if (offset == 11)
            bytes[12] = (byte)(value >> 8);
        Assert.Contains(expected, MountProblem(bytes));
    }

    [Fact]
    public void FileSystemLargerThanTheDisk()
    {
        byte[] bytes = Image(32);
        Assert.Contains("disk holds only", MountProblem(bytes.AsSpan(0, bytes.Length / 2).ToArray()));
    }

    [Fact]
    public void RootClusterOutOfRange()
    {
        byte[] bytes = Image(32);
        BitConverter.GetBytes(0x0FFFFFF0u).CopyTo(bytes, 44);
        Assert.Contains("root directory cluster", MountProblem(bytes));
    }

    [Fact]
    public void Fat12IsRefusedByName()
    {
        string path = Path.Combine(Path.GetTempPath(), "ukfs-" + Guid.NewGuid().ToString("N") + ".img");
        Assert.Equal(0, HostTools.Run(HostTools.Find("mkfs.fat"), "-C", "-F", "12", path, "1440").ExitCode);
        byte[] bytes = File.ReadAllBytes(path);
        File.Delete(path);
        Assert.Contains("FAT12", MountProblem(bytes));
    }

    private static (FatGeometry Geometry, byte[] Bytes) WithFile(int fatBits, int length)
    {
        byte[] bytes = Image(fatBits, path => HostTools.CopyBytes(path, FatImage.Pattern(length, 5), "FILE.BIN"));
        Assert.Equal(FsError.None, FatGeometry.Parse(bytes.AsSpan(0, 512), (ulong)bytes.Length, out FatGeometry? g, out _));
        return (g!, bytes);
    }

    private static void SetFatEntry(FatGeometry g, byte[] bytes, uint cluster, uint value)
    {
        for (int copy = 0; copy < g.FatCount; copy++)
        {
            long at = ((long)g.FirstFatSector + copy * g.FatSectors) * g.BytesPerSector + cluster * (g.Type == FatType.Fat32 ? 4 : 2);
            if (g.Type == FatType.Fat32)
                BitConverter.GetBytes(value).CopyTo(bytes, at);
            else
                BitConverter.GetBytes((ushort)value).CopyTo(bytes, at);
        }
    }

    private static (FsError Error, string Problem) OpenFile(byte[] bytes)
    {
        Assert.Equal(FsError.None, FatFileSystem.Mount(new MemoryDisk(bytes), out FatFileSystem? fs, out _));
        FsError error = fs!.Open(["FILE.BIN"], OpenMode.Read, out _);
        return (error, fs.LastProblem);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ClusterChainLoop(int fatBits)
    {
        var (g, bytes) = WithFile(fatBits, 50_000);
        // The file's chain is contiguous from its first cluster; make its fourth cluster point back to the first.
        uint first = FirstClusterOfFile(g, bytes);
        SetFatEntry(g, bytes, first + 3, first);
        var (error, problem) = OpenFile(bytes);
        Assert.Equal(FsError.Corrupt, error);
        Assert.Contains("loops", problem);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void ClusterOutOfRange(int fatBits)
    {
        var (g, bytes) = WithFile(fatBits, 50_000);
        uint first = FirstClusterOfFile(g, bytes);
        SetFatEntry(g, bytes, first + 1, g.MaxCluster + 5);
        var (error, problem) = OpenFile(bytes);
        Assert.Equal(FsError.Corrupt, error);
        Assert.Contains("outside the data area", problem);
    }

    [Fact]
    public void ChainShorterThanTheSize()
    {
        var (g, bytes) = WithFile(16, 50_000);
        uint first = FirstClusterOfFile(g, bytes);
        SetFatEntry(g, bytes, first + 1, 0xFFFF);
        var (error, problem) = OpenFile(bytes);
        Assert.Equal(FsError.Corrupt, error);
        Assert.Contains("needs", problem);
    }

    [Fact]
    public void FreeClusterInAChain()
    {
        var (g, bytes) = WithFile(16, 50_000);
        uint first = FirstClusterOfFile(g, bytes);
        SetFatEntry(g, bytes, first + 2, 0);
        var (error, problem) = OpenFile(bytes);
        Assert.Equal(FsError.Corrupt, error);
        Assert.Contains("marked free", problem);
    }

    [Fact]
    public void OtherFilesStayReadableBesideADamagedOne()
    {
        byte[] bytes = Image(16, path =>
        {
            HostTools.CopyBytes(path, FatImage.Pattern(50_000, 5), "FILE.BIN");
            HostTools.CopyBytes(path, "fine"u8.ToArray(), "OK.TXT");
        });
        Assert.Equal(FsError.None, FatGeometry.Parse(bytes.AsSpan(0, 512), (ulong)bytes.Length, out FatGeometry? g, out _));
        uint first = FirstClusterOfFile(g!, bytes);
        SetFatEntry(g!, bytes, first + 3, first);
        var vfs = new VirtualFileSystem();
        Assert.Equal(FsError.None, FatFileSystem.Mount(new MemoryDisk(bytes), out FatFileSystem? fs, out _));
        vfs.Mount("/", fs!);
        Assert.Equal(FsError.Corrupt, vfs.ReadAllBytes("/FILE.BIN", out _));
        Assert.StartsWith("file 'FILE.BIN': the cluster chain from ", vfs.LastProblem);
        Assert.Equal(FsError.None, vfs.ReadAllBytes("/OK.TXT", out byte[] ok));
        Assert.Equal("fine"u8.ToArray(), ok);
    }

    // FILE.BIN is the first entry of the root directory (mcopy made it on a fresh image).
    private static uint FirstClusterOfFile(FatGeometry g, byte[] bytes)
    {
        long rootOffset = g.Type == FatType.Fat32 ? (long)g.ClusterSector(g.RootCluster) * g.BytesPerSector : (long)g.RootDirSector * g.BytesPerSector;
        for (int slot = 0; slot < 16; slot++)
        {
            long at = rootOffset + slot * 32;
            if (bytes[at + 11] == 0x0F || bytes[at] == 0xE5)
                continue;
            if (System.Text.Encoding.ASCII.GetString(bytes, (int)at, 11) == "FILE    BIN")
                return BitConverter.ToUInt16(bytes, (int)at + 26) | ((uint)BitConverter.ToUInt16(bytes, (int)at + 20) << 16);
        }
        throw new InvalidOperationException("FILE.BIN not found");
    }
}
