using System.Text;
using Unikraft.Fs.Tests;

namespace Unikraft.Boot.Tests;

// apps/kvstore as a store people trust (issue 15): a damaged record costs only itself, 300
// commands pasted into the console at once all run in order, a read-only disk serves reads,
// and a console that goes silent (a lost quit) does not keep the guest waiting forever.
public sealed class KvStoreDurabilityBootTests
{
    // One flipped bit in record 11 of 50 (its key length, so its header also claims bytes of
    // the records after it): main loaded 10 keys and the next boot zeroed records 12-50.
    [Fact]
    public void ADamagedRecordCostsOnlyThatRecord()
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            HostProcessResult fill = KvStoreGuest.Run("fill k 50", image);
            Assert.Contains("fill done", fill.Lines);
            byte[] original = HostTools.Type(image, "kv.log");
            List<KvStoreGuest.Record> records = KvStoreGuest.ReadRecords(original);
            Assert.Equal(50, records.Count);
            KvStoreGuest.Record eleventh = records[10];
            Assert.Equal("k10", eleventh.Key);

            FlipBitOfRecord(image, original, eleventh, byteInRecord: 4, bit: 4);
            byte[] damaged = HostTools.Type(image, "kv.log");
            Assert.Equal(49, KvStoreGuest.ReadRecords(damaged).Count);

            for (int boot = 1; boot <= 2; boot++)
            {
                HostProcessResult dump = KvStoreGuest.Run("dump", image);
                string context = "boot " + boot + ":\n" + dump.Output;
                Assert.True(dump.Lines.Contains("kvstore: loaded 49 records, 49 keys, skipped 1 damaged stretch (" + eleventh.Length + " bytes)"), context);
                Assert.True(dump.Lines.Any(line => line.StartsWith("kvstore: skipped " + eleventh.Length + " damaged bytes at offset " + eleventh.Offset + " ", StringComparison.Ordinal)), context);
                Assert.True(dump.Lines.Contains("dump: 49 keys"), context);
                for (int i = 0; i < 50; i++)
                {
                    if (i != 10)
                        Assert.True(dump.Lines.Contains("k" + i + "=value-k" + i), "k" + i + " missing on " + context);
                }
                Assert.DoesNotContain(dump.Lines, line => line.StartsWith("k10=", StringComparison.Ordinal));
                Assert.Equal(Qemu.ExitCodeFor(0), dump.ExitCode);

                // Loading wrote nothing: records 12-50 (and the damaged bytes) are on the disk as before.
                byte[] after = HostTools.Type(image, "kv.log");
                Assert.True(damaged.AsSpan().SequenceEqual(after), "the log changed on " + context);
                List<KvStoreGuest.Record> intact = KvStoreGuest.ReadRecords(after);
                Assert.Equal(records.Skip(11).Select(r => (r.Offset, r.Key, r.Value)), intact.Skip(10).Select(r => (r.Offset, r.Key, r.Value)));
            }

            // Appends after damage go after the last valid record and are read back.
            HostProcessResult more = KvStoreGuest.Run("fill m 3", image);
            Assert.Contains("fill done", more.Lines);
            HostProcessResult last = KvStoreGuest.Run("dump", image);
            Assert.Contains("dump: 52 keys", last.Lines);
            Assert.Contains("m2=value-m2", last.Lines);
            HostTools.AssertFsckClean(image);
        }
        finally
        {
            File.Delete(image);
        }
    }

    // Every other record damaged (25 of 50, none of them the last): 25 load, each stretch is
    // counted in the summary, the first 20 are listed.
    [Fact]
    public void ManyDamagedRecordsAreAllCountedAndTheFirstTwentyListed()
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            Assert.Contains("fill done", KvStoreGuest.Run("fill k 50", image).Lines);
            byte[] original = HostTools.Type(image, "kv.log");
            List<KvStoreGuest.Record> records = KvStoreGuest.ReadRecords(original);
            for (int i = 0; i < 50; i += 2)
                FlipBitOfRecord(image, original, records[i], byteInRecord: KvStoreGuest.HeaderBytes + records[i].Length / 2 - 6, bit: 0);

            HostProcessResult dump = KvStoreGuest.Run("dump", image);
            Assert.True(dump.Lines.Contains("kvstore: loaded 25 records, 25 keys, skipped 25 damaged stretches ("
                + records.Where((_, i) => i % 2 == 0).Sum(r => r.Length) + " bytes)"), dump.Output);
            Assert.Equal(20, dump.Lines.Count(line => line.StartsWith("kvstore: skipped ", StringComparison.Ordinal) && line.Contains(" damaged bytes at offset ")));
            Assert.Contains("kvstore: ... 5 more damaged stretches, not listed", dump.Lines);
            Assert.Contains("dump: 25 keys", dump.Lines);
            for (int i = 1; i < 50; i += 2)
                Assert.Contains("k" + i + "=value-k" + i, dump.Lines);
        }
        finally
        {
            File.Delete(image);
        }
    }

    // The paste: 87 of 300 ran and "put k56put k1260 v1260" stored key "k56put",
    // because the console's 1 KiB queue dropped bytes while a put was flushed; the quit at the
    // end was lost too, so the guest waited forever.
    [Fact]
    public void ThreeHundredPastedCommandsAllRunInOrder()
    {
        string[] lines = PasteAndCheck(300, iopsLimit: 0);
        int lastAnswer = Array.LastIndexOf(lines, "ok");
        Assert.Equal(["last", "v7-1"], lines.Skip(lastAnswer + 1).Where(line => !line.StartsWith('>') && !line.StartsWith('[')).Take(2));
    }

    // More than the console's 16 KiB queue holds (about 21 KB), pasted while a throttled disk
    // makes every put slow: the queue fills and the UART has to hold the sender off. With the
    // hold-off disabled (bytes dropped when the queue is full) this run hung.
    [Fact]
    public void APasteLargerThanTheConsoleQueueWaitsForRoom()
    {
        string[] lines = PasteAndCheck(1500, iopsLimit: 400);
        Assert.Contains("last", lines);
    }

    // Pastes count puts (keys k0, k7, k14, ...), a rewrite of k56, two gets and quit, in one
    // write; checks every put answered ok, and the store on the next boot and on the host.
    private static string[] PasteAndCheck(int count, int iopsLimit)
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            var paste = new StringBuilder();
            for (int i = 0; i < count; i++)
                paste.Append("put k" + i * 7 + " v" + i * 7 + "-" + i + "\r");
            paste.Append("put k56 last\rget k56\rget k7\rquit\r");
            string[] lines;
            using (var guest = QemuSession.BootElf(Images.KvStore.Elf, "-- serve idle=120", 64, KvStoreGuest.Disk(image, iopsLimit: iopsLimit)))
            {
                guest.WaitForLine("kvstore: commands:", TimeSpan.FromSeconds(60));
                guest.Type(paste.ToString());
                Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(300)));
                lines = guest.Lines;
                Assert.True(lines.Count(line => line == "ok") == count + 1, "not every put answered ok:\n" + guest.Output);
            }

            HostProcessResult dump = KvStoreGuest.Run("dump", image);
            Assert.Contains("dump: " + count + " keys", dump.Lines);
            var dumped = dump.Lines.ToHashSet();
            for (int i = 0; i < count; i++)
                Assert.Contains("k" + i * 7 + "=" + (i * 7 == 56 ? "last" : "v" + i * 7 + "-" + i), dumped);
            Dictionary<string, string> onDisk = KvStoreGuest.ReadLog(HostTools.Type(image, "kv.log"));
            Assert.Equal(count, onDisk.Count);
            Assert.All(onDisk.Keys, key => Assert.Matches("^k[0-9]+$", key));
            return lines;
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void AReadOnlyDiskServesReadsAndRefusesWrites()
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            Assert.Contains("fill done", KvStoreGuest.Run("fill r 5", image).Lines);
            byte[] before = HostTools.Type(image, "kv.log");

            HostProcessResult dump = KvStoreGuest.Run("dump", image, readOnly: true);
            Assert.Contains("kvstore: the disk is read-only: get, list and dump work, put and del are refused", dump.Lines);
            Assert.Contains("dump: 5 keys", dump.Lines);
            Assert.Contains("r4=value-r4", dump.Lines);
            Assert.Equal(Qemu.ExitCodeFor(0), dump.ExitCode);

            using (var guest = QemuSession.BootElf(Images.KvStore.Elf, "-- serve idle=120", 64, KvStoreGuest.Disk(image, readOnly: true)))
            {
                guest.WaitForLine("kvstore: commands:", TimeSpan.FromSeconds(60));
                guest.Type("get r3\rput r3 changed\rdel r1\rget r3\rlist\rquit\r");
                Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));
                string[] lines = guest.Lines;
                Assert.Equal(2, lines.Count(line => line == "value-r3"));
                Assert.Equal(2, lines.Count(line => line == "error: the store is read-only (its disk is read-only); get and list still work"));
                Assert.Contains("5 keys", lines);
                Assert.DoesNotContain(lines, line => line.StartsWith("PANIC", StringComparison.Ordinal));
            }

            HostProcessResult fill = KvStoreGuest.Run("fill x 1", image, readOnly: true);
            Assert.Contains("error x0: read-only file system or file", fill.Lines);
            Assert.Equal(Qemu.ExitCodeFor(1), fill.ExitCode);
            Assert.Equal(before, HostTools.Type(image, "kv.log"));
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void AReadOnlyDiskWithoutALogIsAnEmptyStore()
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            HostProcessResult dump = KvStoreGuest.Run("dump", image, readOnly: true);
            Assert.Contains("kvstore: loaded 0 records, 0 keys", dump.Lines);
            Assert.Contains("kvstore: the disk is read-only: get, list and dump work, put and del are refused", dump.Lines);
            Assert.Contains("dump: 0 keys", dump.Lines);
            Assert.Equal(Qemu.ExitCodeFor(0), dump.ExitCode);
            Assert.Contains("No files", HostTools.Dir(image, ""));
        }
        finally
        {
            File.Delete(image);
        }
    }

    // Silence halfway through a line (its end lost) closes the store too; the half line is
    // not a command.
    [Fact]
    public void ASilentConsoleClosesTheStoreAfterTheIdleTime()
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            using (var guest = QemuSession.BootElf(Images.KvStore.Elf, "-- serve idle=3", 64, KvStoreGuest.Disk(image)))
            {
                guest.WaitForLine("kvstore: commands:", TimeSpan.FromSeconds(60));
                guest.Type("put a 1\rput b 2");
                Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));
                Assert.Contains("ok", guest.Lines);
                Assert.Contains("kvstore: no input for 3 s, closing the store", guest.Lines);
            }
            HostProcessResult dump = KvStoreGuest.Run("dump", image);
            Assert.Contains("a=1", dump.Lines);
            Assert.Contains("dump: 1 keys", dump.Lines);
        }
        finally
        {
            File.Delete(image);
        }
    }

    // Flips one bit of a record in the disk image file, found by its bytes (every record of a
    // fill is unique), as a bad sector or a stray write would.
    private static void FlipBitOfRecord(string image, byte[] log, KvStoreGuest.Record record, int byteInRecord, int bit)
    {
        byte[] bytes = log.AsSpan(record.Offset, record.Length).ToArray();
        byte[] disk = File.ReadAllBytes(image);
        int at = disk.AsSpan().IndexOf(bytes);
        Assert.True(at >= 0 && disk.AsSpan(at + 1).IndexOf(bytes) < 0, "record " + record.Key + " not found exactly once in the image");
        using var file = new FileStream(image, FileMode.Open, FileAccess.ReadWrite);
        file.Position = at + byteInRecord;
        int value = file.ReadByte();
        file.Position = at + byteInRecord;
        file.WriteByte((byte)(value ^ (1 << bit)));
    }
}
