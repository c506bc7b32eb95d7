using KvStore;
using Uk.RamFs;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// apps/kvstore's log (compiled for .NET over ramfs) against a model: random logs with random
// records damaged (bits flipped, spans zeroed or scribbled) load every record but the damaged
// ones, report where replay resynchronised, and never change a byte of what follows.
public class KvStoreLogTests
{
    private static int s_mounts;

    [Fact]
    public void EveryUndamagedRecordSurvivesRandomDamage()
    {
        var random = new Random(20261207);
        for (int trial = 0; trial < 300; trial++)
        {
            string mountPoint = MountFresh();
            string path = mountPoint + "/kv.log";
            var records = new List<(bool IsPut, string Key, string Value)>();
            Assert.Equal(FsError.None, KeyValueLog.Open(path, out KeyValueLog? log));
            int count = random.Next(2, 60);
            for (int i = 0; i < count; i++)
            {
                string key = "k" + random.Next(0, 20);
                bool isPut = random.Next(4) != 0;
                string value = isPut ? RandomText(random, random.Next(0, 40)) : "";
                Assert.Equal(FsError.None, isPut ? log!.Put(key, value) : log!.Delete(key));
                records.Add((isPut, key, value));
            }
            Assert.Equal(FsError.None, log!.Close());
            byte[] written = ReadAll(path);
            List<(int Offset, int Length)> spans = Spans(records);

            // Damage one or two records (not the last: damage there is a torn tail, tested below).
            var damaged = new SortedSet<int>();
            int howMany = random.Next(1, 3);
            while (damaged.Count < Math.Min(howMany, count - 1))
                damaged.Add(random.Next(0, count - 1));
            byte[] disk = (byte[])written.Clone();
            foreach (int index in damaged)
                Damage(random, disk, spans[index]);
            WriteAll(path, disk);

            Assert.Equal(FsError.None, KeyValueLog.Open(path, out KeyValueLog? loaded));
            string context = "trial " + trial + ", damaged " + string.Join(",", damaged);
            Assert.True(Model(records, damaged).OrderBy(p => p.Key).SequenceEqual(loaded!.Index.OrderBy(p => p.Key)), context);
            Assert.Equal(count - damaged.Count, loaded.RecordsLoaded);
            Assert.Equal(0, loaded.DroppedBytes);
            Assert.Equal(spans[^1].Offset + spans[^1].Length, loaded.Tail);
            foreach (LogDamage stretch in loaded.Damage)
                Assert.Contains(damaged, index => spans[index].Offset == stretch.Offset);
            Assert.Equal(FsError.None, loaded.Close());
            Assert.Equal(disk, ReadAll(path));
            Assert.Equal(FsError.None, Vfs.Current.Unmount(mountPoint));
        }
    }

    // A torn last record (a power cut mid-append) is dropped and zeroed, and appends go on.
    [Fact]
    public void ATornTailIsDroppedAndZeroed()
    {
        string path = MountFresh() + "/kv.log";
        Assert.Equal(FsError.None, KeyValueLog.Open(path, out KeyValueLog? log));
        Assert.Equal(FsError.None, log!.Put("a", "1"));
        Assert.Equal(FsError.None, log.Put("b", "2"));
        Assert.Equal(FsError.None, log.Close());
        byte[] disk = ReadAll(path);
        int second = 12 + 2;
        Array.Clear(disk, second + 9, 5);
        WriteAll(path, disk);

        Assert.Equal(FsError.None, KeyValueLog.Open(path, out KeyValueLog? loaded));
        Assert.Equal(new[] { "a" }, loaded!.Index.Keys);
        Assert.True(loaded.DroppedBytes > 0);
        Assert.Empty(loaded.Damage);
        Assert.Equal(second, loaded.Tail);
        Assert.Equal(FsError.None, loaded.Put("c", "3"));
        Assert.Equal(FsError.None, loaded.Close());

        Assert.Equal(FsError.None, KeyValueLog.Open(path, out KeyValueLog? again));
        Assert.Equal(new[] { "a", "c" }, again!.Index.Keys.Order());
        Assert.Empty(again.Damage);
        Assert.Equal(0, again.DroppedBytes);
    }

    private static string MountFresh()
    {
        string mountPoint = "/kvlog" + Interlocked.Increment(ref s_mounts);
        Assert.Equal(FsError.None, Vfs.Current.Mount(mountPoint, new RamFileSystem()));
        return mountPoint;
    }

    private static Dictionary<string, string> Model(List<(bool IsPut, string Key, string Value)> records, SortedSet<int> damaged)
    {
        var index = new Dictionary<string, string>();
        for (int i = 0; i < records.Count; i++)
        {
            if (damaged.Contains(i))
                continue;
            if (records[i].IsPut)
                index[records[i].Key] = records[i].Value;
            else
                index.Remove(records[i].Key);
        }
        return index;
    }

    private static List<(int Offset, int Length)> Spans(List<(bool IsPut, string Key, string Value)> records)
    {
        var spans = new List<(int, int)>();
        int offset = 0;
        foreach (var record in records)
        {
            int length = LogRecord.Encode(record.IsPut ? LogRecord.Put : LogRecord.Delete, record.Key, record.Value).Length;
            spans.Add((offset, length));
            offset += length;
        }
        return spans;
    }

    // A flipped bit, a zeroed span or scribbled bytes, all inside the record.
    private static void Damage(Random random, byte[] disk, (int Offset, int Length) span)
    {
        int start = span.Offset + random.Next(span.Length);
        int length = random.Next(1, span.Offset + span.Length - start + 1);
        switch (random.Next(3))
        {
            case 0:
                disk[start] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                if (disk.AsSpan(start, length).ContainsAnyExcept((byte)0))
                    Array.Clear(disk, start, length);
                else
                    disk[start] ^= 0x80;
                break;
            default:
                byte[] scribble = new byte[length];
                random.NextBytes(scribble);
                scribble[0] = (byte)(disk[start] ^ 0x5A);
                scribble.CopyTo(disk, start);
                break;
        }
    }

    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());

    private static byte[] ReadAll(string path)
    {
        Assert.Equal(FsError.None, Vfs.Current.ReadAllBytes(path, out byte[]? bytes));
        return bytes!;
    }

    private static void WriteAll(string path, byte[] bytes) => Assert.Equal(FsError.None, Vfs.Current.WriteAllBytes(path, bytes));
}
