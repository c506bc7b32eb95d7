using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// Exceptions and ukgc-marksweep together (tests/apps/exceptions-*, mode "gc"), under both
// schedulers: collections while exceptions are in flight, from inside finally blocks and
// filters, while a thread is parked in the middle of a dispatch, and a heap truly exhausted.
public sealed partial class ExceptionCollectorBootTests
{
    private static readonly string[] ExpectedCases =
    [
        "ok: a throw through 4 frames with finally on one thread while another collects: finally blocks 800 of 800, filters 200 and catches 200 of 200 saw intact objects, over at least 400 collections: yes",
        "ok: collections while a thread is parked in a filter and in a finally keep its dispatch intact: filters 20, finally blocks 20, catches 20 of 20; garbage freed in 40 of 40 collections",
        "ok: using and lock on a thread while collections run: disposed intact 300 and lock released 300 of 300 times; the other thread took the lock too",
        "ok: faults raised as exceptions while raising them triggers collections: caught 20000 of 20000, live objects intact 20 of 20 times, with collections",
    ];

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void CollectionsDuringDispatchKeepEveryLiveValue(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions(policy).Elf, "gc", memoryMiB: 32, timeoutSeconds: 120);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("[ info] gc: ukgc-marksweep, collects every 1024 KiB allocated", run.Lines);
        foreach (string expected in ExpectedCases)
            Assert.True(run.Lines.Contains(expected), "missing \"" + expected + "\" in:\n" + run.Output);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains("all cases passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // The chunks fill the 32 MiB guest's heap until `new` fails; once dropped and collected,
    // as many fit again.
    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void AnOutOfMemoryExceptionFromAnExhaustedHeapIsCaughtAndTheMemoryComesBack(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions(policy).Elf, "gc", memoryMiB: 32, timeoutSeconds: 120);

        string line = Assert.Single(run.Lines, l => l.StartsWith("ok: an OutOfMemoryException from an exhausted heap is caught: ", StringComparison.Ordinal));
        Match figures = ExhaustionLine().Match(line);
        Assert.True(figures.Success, line);
        int first = int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture);
        long inUseKiB = long.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture);
        int second = int.Parse(figures.Groups[3].Value, CultureInfo.InvariantCulture);
        // At least 12 MiB of 8 KiB chunks live when `new` failed: the heap really ran out (the
        // buddy allocator gives each chunk, with its header, a 16 KiB block of the ~31 MiB).
        Assert.True(first * 8L >= 12 * 1024, line);
        Assert.True(inUseKiB < 256, line);
        Assert.True(second >= first - first / 10, line);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [GeneratedRegex(@"caught: (\d+) chunks of 8192 bytes live when `new` failed, intact; dropped and collected: (\d+) KiB in use; then (\d+) allocated again, intact$")]
    private static partial Regex ExhaustionLine();
}
