using System.Globalization;

namespace Unikraft.Boot.Tests;

// The scheduler scenarios (tests/apps/shared/sched) under both scheduler libraries: the same
// program, only the manifest's scheduler differs.
public sealed class SchedulerBootTests
{
    [Theory]
    [InlineData("coop", "ukschedcoop")]
    [InlineData("preempt", "ukschedpreempt")]
    public void ThreadsAndSynchronisationWork(string policy, string library)
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler(policy).Elf, "all", memoryMiB: 32);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] sched: " + library, StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: ping-pong: 200 turns, strictly alternating", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: producer/consumer: 2000 items", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: sleep order: woke after 20, 40, 60, 80, 100 ms", StringComparison.Ordinal));
        Assert.Contains("ok: sleep: no thread woke before its deadline", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("ok: mutex: counter 2000 of 2000, at most 1 thread inside", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: mutex under preemption: counter ", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: create/join: 200 of 200 threads ran", StringComparison.Ordinal));
        Assert.Contains("ok: exit: Thread.Exit from a nested call ends the thread, Join returns", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("ok: event: 0 passed before Set, 3 after", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: timeout: semaphore wait gave up", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: System.Threading: 4 threads, lock statement on a Lock: counter 1000 of 1000, recursion held", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: System.Threading: Thread.Sleep(50) took 00:00:00.0", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: System.Threading: SemaphoreSlim.Wait(20) timed out", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: System.Threading: Join(10) on a sleeping thread gave up", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("ok: early wake-ups: 500 of 500 requests served", StringComparison.Ordinal));
        Assert.Contains("ok: spurious: 3 of 3 unclaimed interrupts counted, timer still works", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains("all scenarios passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void PreemptiveSchedulerTakesTheCpuFromAThreadThatNeverYields()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("preempt").Elf, "spin", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        (int naps, int preemptions) = SpinFigures(run);
        Assert.True(naps >= 5, "the napper should keep running during the spin:\n" + run.Output);
        Assert.True(preemptions > 0, run.Output);
    }

    // Time slicing shares the CPU between equal-priority threads that never yield.
    [Fact]
    public void PreemptiveSchedulerSharesTheCpuBetweenBusyThreads()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("preempt").Elf, "fairness", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        long[] counts = FairnessCounts(run);
        Assert.True(counts.Min() * 3 >= counts.Max(), "each thread should get a fair share:\n" + run.Output);
    }

    [Fact]
    public void CooperativeSchedulerGivesTheCpuToTheFirstBusyThread()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("coop").Elf, "fairness", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        long[] counts = FairnessCounts(run);
        Assert.True(counts[0] > 0 && counts[1] == 0 && counts[2] == 0, run.Output);
    }

    [Fact]
    public void CooperativeSchedulerLetsAThreadThatNeverYieldsStarveTheOthers()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("coop").Elf, "spin", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        (int naps, int preemptions) = SpinFigures(run);
        Assert.Equal(0, naps);
        Assert.Equal(0, preemptions);
    }

    // Under ukschedpreempt the high thread takes the CPU as soon as it is started and the low
    // one runs last; ukschedcoop ignores priorities: Main runs on, then the threads in order.
    [Theory]
    [InlineData("preempt", "HML", 0)]
    [InlineData("coop", "MLH", 1)]
    public void PrioritiesOrderThreadsOnlyUnderThePreemptiveScheduler(string policy, string order, int exitCode)
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler(policy).Elf, "priority", memoryMiB: 32);

        Assert.Contains("priority order: " + order, run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(exitCode), run.ExitCode);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void SleepingOneSecondTakesOneSecondOfMonotonicTime(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler(policy).Elf, "sleep", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        string line = run.Lines.Single(l => l.StartsWith("slept: monotonic ", StringComparison.Ordinal));
        long monotonic = long.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);
        long wall = long.Parse(line.Split(' ')[5], CultureInfo.InvariantCulture);
        Assert.InRange(monotonic, 1_000_000_000, 1_100_000_000);
        Assert.InRange(wall, 1_000_000_000, 1_100_000_000);
        // The guest's second is a host second too (the clock is calibrated, not assumed), and
        // its wall clock (RTC at boot + monotonic time) agrees with the host's.
        Assert.True(run.Elapsed > TimeSpan.FromSeconds(1), run.Elapsed.ToString());
        long guestUnix = long.Parse(run.Lines.Single(l => l.StartsWith("wall clock: ", StringComparison.Ordinal)).Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.InRange(guestUnix, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 180, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 180);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void StackOverflowInAThreadIsAPanicNamingTheThread(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler(policy).Elf, "overflow", memoryMiB: 32);

        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: stack overflow in thread 'recursor'", StringComparison.Ordinal) && line.Contains("guard page"));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("SchedTests.Faults.RecurseForever", trace[0]);
        Assert.Contains(run.Lines, line => line.StartsWith("  ... the frame above ", StringComparison.Ordinal) && line.EndsWith(" more times", StringComparison.Ordinal));
        Assert.Contains("Uk.Sched.Scheduler.ThreadEntry", trace);
        Assert.Equal("thread_trampoline (thread start)", trace[^1]);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(127), run.ExitCode);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void PageFaultInAThreadIsAPanic(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler(policy).Elf, "fault", memoryMiB: 32);

        Assert.Contains("PANIC: unhandled exception: System.NullReferenceException: Object reference not set to an instance of an object.", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("  from page fault", StringComparison.Ordinal) && line.Contains("null dereference, write to address 0x0000000000000010"));
        Assert.Equal("SchedTests.Faults.WriteThroughNull", PanicTrace.Functions(run)[0]);
        Assert.Contains(run.Lines, line => line.StartsWith("  in thread 'faulter' (id ", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(127), run.ExitCode);
    }

    [Fact]
    public void FaultInAnInterruptHandlerIsAPanicNamingTheHandler()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("coop").Elf, "irq-fault", memoryMiB: 32);

        Assert.Contains(run.Lines, line => line.StartsWith("  from page fault", StringComparison.Ordinal) && line.Contains("null dereference, write to address 0x0000000000000018"));
        Assert.Contains(run.Lines, line => line.StartsWith("  in thread 'main' (id ", StringComparison.Ordinal) && line.EndsWith(", in an interrupt handler", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("SchedTests.Faults.WriteThroughNullInHandler", trace[0]);
        Assert.Contains("Uk.Plat.PcX86_64.InterruptDispatch.OnInterrupt", trace);
        Assert.Contains("irq_common (interrupt entry)", trace);
        Assert.Equal(Qemu.ExitCodeFor(127), run.ExitCode);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void AnIdleGuestLeavesTheHostCpuAlone(string policy)
    {
        using QemuSession guest = QemuSession.BootElf(Images.Scheduler(policy).Elf, "idle 8");
        guest.WaitForLine("idle: sleeping", TimeSpan.FromSeconds(60));
        TimeSpan before = guest.CpuTime();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(5));
        double cpu = (guest.CpuTime() - before).TotalSeconds / clock.Elapsed.TotalSeconds;

        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("idle: slept 8 s", guest.Output);
        Console.WriteLine("idle " + policy + ": QEMU used " + (cpu * 100).ToString("F1", CultureInfo.InvariantCulture) + "% of a core");
        Assert.True(cpu < 0.10, "QEMU used " + (cpu * 100).ToString("F1", CultureInfo.InvariantCulture) + "% of a core while the guest slept:\n" + guest.Output);
    }

    // A handler registered through Uk.Core.Interrupts for the UART's IRQ 4 receives what the
    // host types, through the I/O APIC, or the 8259 PIC when the machine has no ACPI.
    [Theory]
    [InlineData("I/O APIC")]
    [InlineData("8259 PIC")]
    public void DriverInterruptHandlersRunInCSharp(string controller)
    {
        string[] machine = controller == "8259 PIC" ? ["-machine", "acpi=off"] : [];
        using QemuSession guest = QemuSession.BootElf(Images.Scheduler("coop").Elf, "irq", 32, machine);
        guest.WaitForLine("irq: ready", TimeSpan.FromSeconds(60));
        guest.Type("hello from the host\n");

        Assert.Equal(Qemu.ExitCodeFor(0), guest.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("irq: received 'hello from the host' on IRQ 4 through the " + controller, guest.Output);
    }

    private static long[] FairnessCounts(HostProcessResult run) =>
        run.Lines.Single(l => l.StartsWith("fairness: ", StringComparison.Ordinal)).Split(' ').Skip(1).Select(long.Parse).ToArray();

    private static (int Naps, int Preemptions) SpinFigures(HostProcessResult run)
    {
        string line = run.Lines.Single(l => l.StartsWith("spin: the napper counted ", StringComparison.Ordinal));
        string[] words = line.Split(' ');
        return (int.Parse(words[4], CultureInfo.InvariantCulture), int.Parse(words[^1], CultureInfo.InvariantCulture));
    }
}
