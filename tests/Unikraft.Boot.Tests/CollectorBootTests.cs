using System.Globalization;

namespace Unikraft.Boot.Tests;

// ukgc-marksweep under both schedulers (tests/apps/shared/gc, the same program; only the
// manifest's scheduler differs), and ukgc-none's image size.
public sealed class CollectorBootTests
{
    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void LiveValuesSurviveGarbageWorthAHundredHeaps(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Collector(policy).Elf, "live 100", memoryMiB: 16, timeoutSeconds: 300);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("[ info] gc: ukgc-marksweep, collects every 1024 KiB allocated", run.Lines);
        Assert.Contains("ok: live: linked list of 5000 nodes intact", run.Lines);
        Assert.Contains("ok: live: table of 2000 strings intact", run.Lines);
        Assert.Contains("ok: live: string only on the stack intact", run.Lines);
        Assert.Contains("ok: live: string only in a static intact", run.Lines);
        Assert.Contains("ok: live: strings in struct fields of an array intact", run.Lines);
        Assert.Contains("ok: live: another thread's stack locals intact", run.Lines);
        string garbage = Assert.Single(run.Lines, line => line.StartsWith("ok: live: allocated ", StringComparison.Ordinal));
        long garbageKiB = long.Parse(garbage.Split(' ')[3], CultureInfo.InvariantCulture);
        long heapKiB = long.Parse(garbage.Split("x the ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(garbageKiB >= heapKiB * 100, garbage);
        Assert.True(heapKiB < 16 * 1024, garbage);
        AssertPassed(run);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void CollectionsKeepTheObjectsOfThreadsParkedInACallChain(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Collector(policy).Elf, "blocked 10", memoryMiB: 16, timeoutSeconds: 180);

        Assert.False(run.TimedOut, run.Output);
        string frames = Assert.Single(run.Lines, line => line.StartsWith("ok: blocked: 100 of 100 frames of 4 parked call chains kept their objects through ", StringComparison.Ordinal));
        Assert.True(int.Parse(frames.Split("through ")[1].Split(' ')[0], CultureInfo.InvariantCulture) >= 10, frames);
        Assert.Contains(run.Lines, line => line.StartsWith("ok: blocked: busy thread checked ", StringComparison.Ordinal) && line.EndsWith(" structures, 0 damaged", StringComparison.Ordinal));
        AssertPassed(run);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void StructureRewiredWhileMarkingIncrementallyStaysIntact(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Collector(policy).Elf, "rewire 300", memoryMiB: 16, timeoutSeconds: 300);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("ok: rewire: 30000 of 30000 nodes intact, window 0 damaged", run.Lines);
        string marking = Assert.Single(run.Lines, line => line.StartsWith("ok: rewire: ", StringComparison.Ordinal) && line.Contains(" rewirings while marking, over "));
        Assert.True(long.Parse(marking.Split(' ')[2], CultureInfo.InvariantCulture) >= 1000, marking);
        AssertPassed(run);
    }

    // `slot = null` compiles to a plain store, no barrier: an item whose pool slot is cleared so
    // and which then moves into an array allocated while marking (born marked, never traced)
    // must still be shaded, by the barrier of the store that puts it there.
    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void ItemMovedOutOfASlotClearedWithNullWhileMarkingStaysAlive(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Collector(policy).Elf, "nullstores 3000", memoryMiB: 16, timeoutSeconds: 300);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("ok: nullstores: 2000 of 2000 items intact, 0 damaged", run.Lines);
        string marking = Assert.Single(run.Lines, line => line.StartsWith("ok: nullstores: ", StringComparison.Ordinal) && line.Contains(" rentals while marking, over "));
        Assert.True(long.Parse(marking.Split(' ')[2], CultureInfo.InvariantCulture) >= 1000, marking);
        AssertPassed(run);
    }

    [Fact]
    public void RequestLoopRunsAMillionIterationsIn16MiB()
    {
        HostProcessResult run = Qemu.BootElf(Images.Collector("coop").Elf, "http 1000000", memoryMiB: 16, timeoutSeconds: 400);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(run.Lines, line => line.StartsWith("ok: http: 1000000 requests served, 0 wrong, ", StringComparison.Ordinal));
        AssertPassed(run);
    }

    [Fact]
    public void NoCollectorKeepsHelloTheSmallestImage()
    {
        BuiltImage hello = Images.Hello;
        BuiltImage none = Images.Collector("none");

        long helloBytes = new FileInfo(hello.Elf).Length;
        long noneBytes = new FileInfo(none.Elf).Length;
        // Only the image's name and library list (strings in the image) may differ.
        Assert.True(noneBytes <= helloBytes + 256, "hello " + helloBytes + " bytes, hello with ukgc-none " + noneBytes + " bytes");
        HostProcessResult run = Qemu.BootElf(none.Elf, memoryMiB: 2);
        Assert.Contains("Hello from C# on a unikernel!", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    private static void AssertPassed(HostProcessResult run)
    {
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("gc: ukgc-marksweep, ", StringComparison.Ordinal));
        Assert.Contains("all scenarios passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }
}
