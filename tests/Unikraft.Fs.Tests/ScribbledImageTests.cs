using System.Diagnostics;
using Uk.FatFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// Random damage to the metadata of a populated image: whatever the bytes say, mounting,
// walking every directory, reading every file and writing a new one must end with a result
// (an error value is fine) - never an exception (a panic in the guest) or a hang.
public class ScribbledImageTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void NeverThrowsOrHangs(int fatBits)
    {
        string path = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40, sectorsPerCluster: 1);
        HostTools.MakeDirectory(path, "dir");
        HostTools.MakeDirectory(path, "dir/sub");
        for (int i = 0; i < 12; i++)
            HostTools.CopyBytes(path, FatImage.Pattern(700 * i + 1, i), (i % 3 == 0 ? "dir/" : i % 3 == 1 ? "dir/sub/" : "") + "A file with a long name " + i + ".bin");
        byte[] pristine = File.ReadAllBytes(path);
        File.Delete(path);
        Assert.Equal(FsError.None, FatGeometry.Parse(pristine.AsSpan(0, 512), (ulong)pristine.Length, out FatGeometry? g, out _));
        // Boot sector, FATs, root directory and the first data clusters (directories live there).
        int metadataEnd = (int)(g!.FirstDataSector + 64) * 512;

        var random = new Random(fatBits * 7919);
        int refusedAtMount = 0, filesRefused = 0;
        for (int round = 0; round < 400; round++)
        {
            byte[] bytes = (byte[])pristine.Clone();
            int flips = 1 + random.Next(8);
            for (int f = 0; f < flips; f++)
            {
                // Half of the damage goes to the boot sector and FAT starts, where it matters most.
                int at = random.Next(2) == 0 ? random.Next(Math.Min(metadataEnd, (int)(g.FirstFatSector + 2) * 512)) : random.Next(metadataEnd);
                bytes[at] = (byte)random.Next(256);
            }
            var clock = Stopwatch.StartNew();
            if (FatFileSystem.Mount(new MemoryDisk(bytes), out FatFileSystem? fs, out string problem) != FsError.None)
            {
                Assert.False(string.IsNullOrEmpty(problem), "a refused mount must say why");
                refusedAtMount++;
                continue;
            }
            var vfs = new VirtualFileSystem();
            vfs.Mount("/", fs!);
            filesRefused += Walk(vfs, "/", depth: 0);
            vfs.WriteAllBytes("/new file after damage.txt", "x"u8);
            vfs.CreateDirectory("/new dir");
            Walk(vfs, "/", depth: 0);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "round " + round + " took " + clock.Elapsed);
        }
        Assert.True(refusedAtMount > 0 && filesRefused > 0, $"the damage was never noticed: {refusedAtMount} mounts refused, {filesRefused} files refused");
    }

    private static int Walk(VirtualFileSystem vfs, string directory, int depth)
    {
        if (depth > 8 || vfs.ReadDirectory(directory, out FsEntry[] entries) != FsError.None)
            return 0;
        int refused = 0;
        foreach (FsEntry entry in entries)
        {
            string path = directory.TrimEnd('/') + "/" + entry.Name;
            if (entry.IsDirectory)
                refused += Walk(vfs, path, depth + 1);
            else if (vfs.ReadAllBytes(path, out _) != FsError.None)
                refused++;
        }
        return refused;
    }
}
