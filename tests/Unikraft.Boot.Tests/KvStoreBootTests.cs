using System.Diagnostics;
using System.Globalization;
using Unikraft.Fs.Tests;
using Xunit.Abstractions;

namespace Unikraft.Boot.Tests;

// apps/kvstore on a FAT disk: commands from the serial console survive a reboot, and QEMU
// killed at random points of a write loop never loses a record the guest reported flushed
// and never leaves damage fsck.fat would have to guess about: a kill while the log file
// grows may leave clusters nobody points to yet, or a chain longer than the size, which
// fsck.fat -n reports and would repair without touching data (HostTools.Fsck tells them apart).
// The scenarios take the image and the QEMU arguments that attach a disk file, so the same
// checks run on other disk drivers (AhciKvStoreBootTests).
public sealed class KvStoreBootTests(ITestOutputHelper output)
{
    [Fact]
    public void CommandsFromTheConsoleSurviveAReboot() => CommandsSurviveAReboot(Images.KvStore.Elf, image => KvStoreGuest.Disk(image));

    internal static void CommandsSurviveAReboot(string elf, Func<string, string[]> attach)
    {
        string image = HostTools.MakeImage(32, 40);
        try
        {
            using (var guest = QemuSession.BootElf(elf, "", 64, attach(image)))
            {
                guest.WaitForLine("kvstore: commands:", TimeSpan.FromSeconds(30));
                guest.Type("put city Zurich\r");
                guest.Type("put lang C#\r");
                guest.Type("put city Geneva\r");
                guest.Type("del lang\r");
                guest.Type("get city\r");
                guest.Type("quit\r");
                Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));
                Assert.Contains("Geneva", guest.Lines);
                Assert.Equal(3, guest.Lines.Count(line => line == "ok"));
                Assert.Contains("deleted", guest.Lines);
            }

            HostProcessResult again = Qemu.BootElfWith(elf, "-- dump", attach(image), memoryMiB: 64);

            Assert.Contains("kvstore: loaded 4 records, 1 keys", again.Lines);
            Assert.Contains("city=Geneva", again.Lines);
            Assert.DoesNotContain(again.Lines, line => line.StartsWith("lang=", StringComparison.Ordinal));
            HostTools.AssertFsckClean(image);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void WithoutADiskItSaysWhatIsMissing()
    {
        HostProcessResult run = Qemu.BootElfWith(Images.KvStore.Elf, "-- dump", [], memoryMiB: 64);

        Assert.Contains(run.Lines, line => line.StartsWith("[error] vfs: cannot mount fatfs:vda at /: no disk named 'vda'", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("kvstore: cannot open /kv.log: no file system mounted there", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(2), run.ExitCode);
    }

    // 50 rounds: boot, append records (each printed once durable), kill QEMU at a random
    // moment, then check the disk with fsck.fat -n and read the log back on the host.
    [Fact]
    public void KilledAtRandomPointsNothingFlushedIsLost() => KilledAtRandomPoints(Images.KvStore.Elf, image => KvStoreGuest.Disk(image), 50, output);

    internal static void KilledAtRandomPoints(string elf, Func<string, string[]> attach, int rounds, ITestOutputHelper output)
    {
        string image = HostTools.MakeImage(32, 40);
        var random = new Random(20261128);
        var flushed = new List<string>();
        int strictlyClean = 0, repairable = 0, tornTails = 0;
        try
        {
            for (int round = 0; round < rounds; round++)
            {
                using (var guest = QemuSession.BootElf(elf, "-- fill r" + round + "k 100000", 64, attach(image)))
                {
                    guest.WaitForLine("kvstore: loaded", TimeSpan.FromSeconds(60));
                    Thread.Sleep(random.Next(0, 1500));
                    guest.Kill();
                    string[] lines = guest.Lines;
                    if (lines.Any(line => line.Contains("dropped a torn record")))
                        tornTails++;
                    string? loaded = lines.FirstOrDefault(line => line.StartsWith("kvstore: loaded ", StringComparison.Ordinal));
                    // At least every key counted as flushed; per earlier round two more may be on
                    // the disk: one whose report the kill stopped, one whose last line is not counted.
                    int keys = loaded is null ? -1 : int.Parse(loaded.Split(' ')[4], CultureInfo.InvariantCulture);
                    Assert.True(keys >= flushed.Count && keys <= flushed.Count + 2 * round,
                        "round " + round + ": the guest loaded '" + loaded + "' but " + flushed.Count + " keys were reported flushed before");
                    // The kill can cut the last line short ("flushed " with half a key), so
                    // only lines that a later line proves complete count.
                    flushed.AddRange(lines.SkipLast(1).Where(line => line.StartsWith("flushed ", StringComparison.Ordinal)).Select(line => line["flushed ".Length..]));
                }

                var (isClean, harmless, text) = HostTools.Fsck(image);
                Assert.True(harmless, "round " + round + ": fsck.fat -n found damage:\n" + text);
                if (isClean)
                    strictlyClean++;
                else
                    repairable++;

                Dictionary<string, string> onDisk = KvStoreGuest.ReadLog(HostTools.Type(image, "kv.log"));
                foreach (string key in flushed)
                    Assert.True(onDisk.TryGetValue(key, out string? value) && value == "value-" + key, "round " + round + ": flushed key " + key + " is not intact on the disk");
            }
            output.WriteLine($"{rounds} rounds, {flushed.Count} records reported flushed, all intact; fsck.fat clean after {strictlyClean}, only lost clusters or an over-long chain (the kill fell while the log grew) after {repairable}; torn tails dropped at boot: {tornTails}");
            Assert.True(flushed.Count > rounds, "too few records were written to prove anything: " + flushed.Count);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
