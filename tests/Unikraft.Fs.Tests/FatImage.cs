using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// An image file made on the host, loaded as a MemoryDisk and mounted at "/" of a fresh VFS.
public sealed class FatImage : IDisposable
{
    public FatImage(string path)
    {
        Path = path;
        Disk = new MemoryDisk(File.ReadAllBytes(path));
        FsError error = FatFileSystem.Mount(Disk, out FatFileSystem? fs, out string problem);
        Assert.True(error == FsError.None, "mount failed: " + error + ": " + problem);
        Fat = fs!;
        Assert.Equal(FsError.None, Vfs.Mount("/", Fat));
    }

    public string Path { get; }

    public MemoryDisk Disk { get; }

    public FatFileSystem Fat { get; }

    public VirtualFileSystem Vfs { get; } = new VirtualFileSystem();

    // Writes the disk back to the image file for mtools and fsck.fat.
    public void Save() => File.WriteAllBytes(Path, Disk.Bytes);

    public byte[] Read(string path)
    {
        FsError error = Vfs.ReadAllBytes(path, out byte[] bytes);
        Assert.True(error == FsError.None, "reading " + path + ": " + error + " " + Fat.LastProblem);
        return bytes;
    }

    public void Dispose() => File.Delete(Path);

    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
