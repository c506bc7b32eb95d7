using Uk.FatFs;
using Uk.Vfs;
using Xunit.Abstractions;

namespace Unikraft.Fs.Tests;

// Power cuts replayed on the host: a scenario runs once while the disk records every write
// and flush in order; then, for every point in that sequence, the image as a power cut there
// would leave it (the writes before the point, none after) is checked with fsck.fat -n and
// mounted again: every record whose flush had returned must read back intact, and a cut
// right after a flush returned must leave a volume fsck.fat finds nothing wrong with.
public class PowerCutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void EveryCutPointKeepsFlushedRecords(int fatBits)
    {
        string path = HostTools.MakeImage(fatBits, fatBits == 16 ? 16 : 40, sectorsPerCluster: 1);
        byte[] original = File.ReadAllBytes(path);
        var disk = new MemoryDisk(original);
        Assert.Equal(FsError.None, FatFileSystem.Mount(disk, out FatFileSystem? fs, out _));
        // Mounting may write once (FAT32's free count set to unknown): cuts start after it.
        original = (byte[])disk.Bytes.Clone();
        var vfs = new VirtualFileSystem();
        vfs.Mount("/", fs!);
        disk.Journal = [];

        // Records of 300 bytes: several per sector and cluster boundary crossings.
        var flushedAt = new List<(int JournalIndex, int Records)>();
        Assert.Equal(FsError.None, vfs.CreateDirectory("/logs"));
        Assert.Equal(FsError.None, vfs.Open("/logs/records.log", OpenMode.Write | OpenMode.Create, out VfsFile? log));
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(FsError.None, log!.Write(Record(i)));
            Assert.Equal(FsError.None, log.Flush());
            flushedAt.Add((disk.Journal.Count, i + 1));
        }
        // Growing ahead of use (as kvstore does): zeros first, then the FAT, then the size.
        Assert.Equal(FsError.None, log!.SetLength(log.Length + 20_000));
        Assert.Equal(FsError.None, log.Flush());
        flushedAt.Add((disk.Journal.Count, 12));
        Assert.Equal(FsError.None, log.Close());
        Assert.Equal(FsError.None, vfs.WriteAllBytes("/logs/other file.txt", "other"u8));
        // In one directory a rename is one sector write.
        Assert.Equal(FsError.None, vfs.Rename("/logs/other file.txt", "/logs/renamed.txt"));
        Assert.Equal(FsError.None, vfs.Delete("/logs/renamed.txt"));
        var journal = disk.Journal;
        disk.Journal = null;

        int clean = 0, repaired = 0;
        string cut = Path.Combine(Path.GetTempPath(), "ukfs-cut-" + Guid.NewGuid().ToString("N") + ".img");
        try
        {
            for (int point = 0; point <= journal.Count; point++)
            {
                byte[] image = (byte[])original.Clone();
                for (int i = 0; i < point; i++)
                {
                    if (journal[i].Data is byte[] data)
                        data.CopyTo(image, (int)journal[i].Sector * 512);
                }
                File.WriteAllBytes(cut, image);
                var (isClean, harmless, text) = HostTools.Fsck(cut);
                bool afterFlush = flushedAt.Any(f => f.JournalIndex == point);
                Assert.True(isClean || !afterFlush, "cut right after a flush returned (write " + point + "): fsck.fat says\n" + text);
                Assert.True(harmless, "cut after write " + point + " of " + journal.Count + ": fsck.fat says\n" + text);
                if (isClean)
                    clean++;
                else
                    repaired++;

                int mustHave = flushedAt.Where(f => f.JournalIndex <= point).Select(f => f.Records).DefaultIfEmpty(0).Max();
                if (mustHave == 0)
                    continue;
                Assert.Equal(FsError.None, FatFileSystem.Mount(new MemoryDisk(image), out FatFileSystem? again, out _));
                var check = new VirtualFileSystem();
                check.Mount("/", again!);
                Assert.Equal(FsError.None, check.ReadAllBytes("/logs/records.log", out byte[] back));
                for (int r = 0; r < mustHave; r++)
                    Assert.Equal(Record(r), back.AsSpan(r * 300, 300).ToArray());
            }
        }
        finally
        {
            File.Delete(cut);
            File.Delete(path);
        }
        output.WriteLine($"FAT{fatBits}: {journal.Count + 1} cut points, {clean} clean, {repaired} with only lost clusters or an over-long chain");
    }

    private static byte[] Record(int index)
    {
        byte[] record = FatImage.Pattern(300, 1000 + index);
        record[0] = (byte)index;
        return record;
    }
}
