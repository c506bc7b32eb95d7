using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// try/catch/filter/finally in the guest (tests/apps/shared/exceptions), under both
// scheduler libraries: each case prints "ok: ..." with what it observed.
public sealed partial class ExceptionBootTests
{
    private static readonly int PanicExitCode = Qemu.ExitCodeFor(127);

    private static readonly string[] ExpectedCases =
    [
        "ok: catch by base type across three frames: System.InvalidOperationException: three calls deep",
        "ok: the first matching catch clause runs: out-of-range,argument,invalid-operation",
        "ok: filters run before inner finally blocks, then the accepting catch: throw,filter(code 7),filter(code 7),inner-finally,catch",
        "ok: finally blocks run innermost first on the normal path (body,finally-1,finally-2,finally-3) and while an exception passes (body,finally-1,finally-2,finally-3,caught)",
        "ok: throw; passes the same exception object on to the next handler: inner-catch,inner-finally,outer-catch",
        "ok: an exception thrown inside a catch goes to the enclosing handlers, not to the catch's siblings: translate,outer; second, from a catch",
        "ok: an exception thrown by a finally block replaces the one passing through: from finally",
        "ok: a try/catch inside a catch block: outer+inner+after",
        "ok: throw null raises NullReferenceException",
        "ok: Exception.StackTrace lists the frames from the throw to the catch: ExceptionTests.ManagedThrows.Level3,ExceptionTests.ManagedThrows.Level2,ExceptionTests.ManagedThrows.Level1,ExceptionTests.ManagedThrows.StackTraceNamesTheFramesPassed",
        "ok: an exception thrown inside a filter makes the filter reject and goes no further: next clause: filtered (filter-finally)",
        "ok: a throw through a frame with a variable stackalloc runs its finally: finally saw 7",
        "ok: a throw through 500 recursive frames runs each one's finally: 501",
        "ok: a null dereference (page fault) is a catchable NullReferenceException, 3 times in a row, and the code runs on: 42",
        "ok: integer division by zero (#DE) is a catchable DivideByZeroException: Attempted to divide by zero.",
        "ok: int.MinValue / -1 (#DE) is a catchable OverflowException, for int and long: Arithmetic operation resulted in an overflow. | OverflowException",
        "ok: checked overflow is caught as its base type: System.OverflowException: Arithmetic operation resulted in an overflow.",
        "ok: a failed cast is a catchable InvalidCastException: Unable to cast object of type 'System.String' to type 'ExceptionTests.RuntimeRaised+Holder'.",
        "ok: an index past the end is a catchable IndexOutOfRangeException at index 4",
        "ok: a `new` the heap cannot serve throws a catchable OutOfMemoryException, and allocation works afterwards: System.OutOfMemoryException",
        "ok: using disposes once while an exception passes: 1 disposal(s)",
        "ok: lock releases its Lock while an exception passes; another thread takes it afterwards",
        "ok: a throw through a frame with finally on another thread is caught there: body,finally,caught(on a thread)",
        "ok: two threads switching in the middle of their dispatches each catch their own exceptions: 1000 and 1000 of 1000",
    ];

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void EveryExceptionCaseBehavesAsInDotnet(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions(policy).Elf, "all", memoryMiB: 32);

        Assert.False(run.TimedOut, run.Output);
        foreach (string expected in ExpectedCases)
            Assert.True(run.Lines.Contains(expected), "missing \"" + expected + "\" in:\n" + run.Output);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains("all cases passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // With ukgc-marksweep collecting every MiB: the loop allocates an exception per round, and
    // the heap in use afterwards stays within one trigger's worth of what it was before
    // (without a collector it grew by every exception: 100,000 x ~100 bytes).
    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void CatchesAHundredThousandExceptionsInALoopWithoutGrowingTheHeap(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions(policy).Elf, "loop 100000", memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Contains("ok: caught 100000 of 100000 exceptions in a loop", run.Lines);
        (long inUseBefore, long allocatedBefore) = HeapFigures(run, "before");
        (long inUseAfter, long allocatedAfter) = HeapFigures(run, "after");
        Match collected = CollectedLine().Match(run.Lines.First(l => l.StartsWith("catch loop: heap after a collection: ", StringComparison.Ordinal)));
        Assert.True(collected.Success, run.Output);
        long inUseCollected = long.Parse(collected.Groups[1].Value, CultureInfo.InvariantCulture);
        int collections = int.Parse(collected.Groups[2].Value, CultureInfo.InvariantCulture);
        // Every round allocates its exception (an object of more than 64 bytes): the loop ran.
        Assert.True(allocatedAfter - allocatedBefore >= 100_000L * 64, run.Output);
        // Bounded by the 1 MiB trigger (garbage not yet collected) plus slack, far under the
        // 6.4 MB or more the loop allocated.
        Assert.True(inUseAfter < inUseBefore + 1280 * 1024, run.Output);
        Assert.True(inUseCollected <= inUseBefore + 64 * 1024, run.Output);
        Assert.True(collections >= 5, run.Output);
        Assert.Contains(run.Lines, line => CyclesPerException().IsMatch(line));
    }

    [Fact]
    public void AnExceptionNothingCatchesEndsInAPanicTracedFromTheThrow()
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions("coop").Elf, "uncaught", memoryMiB: 32);

        Assert.Contains("PANIC: unhandled exception: System.InvalidOperationException: nobody catches this", run.Lines);
        // As in .NET, an exception nothing catches ends the program without unwinding it.
        Assert.DoesNotContain("finally ran before the panic", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("ExceptionTests.Uncaught.Reject", trace[0]);
        Assert.Equal("ExceptionTests.Uncaught.ThrowPastAFinally", trace[1]);
        Assert.Equal("Program.<Main>$", trace[2]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    // The thrower has no rbp frame and was called through a delegate: the trace still shows
    // its caller, from the unwind tables.
    [Fact]
    public void ThePanicTraceShowsTheCallerOfAFramelessMethodCalledIndirectly()
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions("coop").Elf, "uncaught-delegate", memoryMiB: 32);

        Assert.Contains("PANIC: unhandled exception: System.InvalidOperationException: nobody catches this", run.Lines);
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("ExceptionTests.Uncaught.Reject", trace[0]);
        Assert.Equal("ExceptionTests.Uncaught.ThroughADelegate", trace[1]);
        Assert.Equal("Program.<Main>$", trace[2]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Theory]
    [InlineData("coop")]
    [InlineData("preempt")]
    public void AnExceptionNothingCatchesOnAThreadPanicsNamingTheThread(string policy)
    {
        HostProcessResult run = Qemu.BootElf(Images.Exceptions(policy).Elf, "uncaught-thread", memoryMiB: 32);

        Assert.Contains("PANIC: unhandled exception: System.InvalidOperationException: nobody catches this", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("  in thread 'thrower'", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("ExceptionTests.Uncaught.Reject", trace[0]);
        Assert.Equal("ExceptionTests.Uncaught.ThrowPastAFinally", trace[1]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    // core.unwind-tables: false trades catch and finally for size: the first throw, even one
    // with a catch around it, is the panic, which says why and still names the frames
    // (through rbp: the caller of a frameless thrower is not shown).
    [Fact]
    public void WithoutUnwindTablesAThrowIsAPanicWithASymbolisedTrace()
    {
        HostProcessResult run = Qemu.BootElf(Images.ExceptionsWithoutUnwindTables.Elf, "", memoryMiB: 32);

        Assert.Contains("PANIC: unhandled exception: System.InvalidOperationException: three calls deep", run.Lines);
        Assert.Contains("  (core.unwind-tables is false: this image runs no catch or finally)", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("ok: ", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("ExceptionTests.ManagedThrows.Level3", trace[0]);
        Assert.Contains("Program.<Main>$", trace);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    private static (long InUse, long Allocated) HeapFigures(HostProcessResult run, string when)
    {
        string prefix = "catch loop: heap " + when + ": ";
        string line = run.Lines.First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Match figures = HeapLine().Match(line);
        Assert.True(figures.Success, line);
        return (long.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"in use (\d+) bytes, allocated (\d+) bytes$")]
    private static partial Regex HeapLine();

    [GeneratedRegex(@"in use (\d+) bytes, (\d+) collections during the loop$")]
    private static partial Regex CollectedLine();

    [GeneratedRegex(@"^catch loop: \d+ cycles per throw and catch$")]
    private static partial Regex CyclesPerException();
}
