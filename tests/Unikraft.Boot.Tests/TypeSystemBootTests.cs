namespace Unikraft.Boot.Tests;

// The corlib and runtime type system, checked inside a real guest.
public sealed class TypeSystemBootTests
{
    private static readonly int PanicExitCode = Qemu.ExitCodeFor(127);
    private const string Main = "Program.<Main>$";

    [Fact]
    public void EveryTypeSystemCheckPassesInTheGuest()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "checks");

        Assert.False(run.TimedOut, run.Output);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.True(run.Lines.Count(line => line.StartsWith("ok ", StringComparison.Ordinal)) >= 60, run.Output);
        Assert.Contains("ok interface dispatch over 9 implementors", run.Lines);
        Assert.Contains("ok nullable boxes to int", run.Lines);
        Assert.Contains("ok closure delegate", run.Lines);
        Assert.Contains("ok runtime static constructor ran", run.Lines);
        Assert.Contains("all checks passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void InvalidCastPanicsWithBothTypeNames()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "bad-cast");

        Assert.Contains("PANIC: unhandled exception: System.InvalidCastException: Unable to cast object of type 'System.String' to type 'TypeSystem.IShape'.", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.TrimStart().StartsWith("rip=", StringComparison.Ordinal));
        // The cast helper and the throw machinery are left out: the trace starts at the cast.
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal(Main, trace[0]);
        Assert.DoesNotContain(trace, function => function.StartsWith("Internal.Runtime.", StringComparison.Ordinal) || function.StartsWith("System.Runtime.", StringComparison.Ordinal));
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void UnhandledThrowPrintsTheExceptionAndATraceFromTheThrowingMethod()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "throw");

        Assert.Contains("PANIC: unhandled exception: System.InvalidOperationException: rejected: by request", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("TypeSystem.Throws.Reject", trace[0]);
        Assert.Equal(Main, trace[1]);
        Assert.Contains("Uk.Core.Kernel.Start", trace);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void CovariantArrayStoreOfTheWrongTypePanics()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "bad-store");

        Assert.Contains("PANIC: unhandled exception: System.ArrayTypeMismatchException: Attempted to store an element of type 'TypeSystem.Square' in an array of 'System.String'.", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void IndexOutOfRangePanics()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "bad-index");

        Assert.Contains("PANIC: unhandled exception: System.IndexOutOfRangeException: Index was outside the bounds of the array.", run.Lines);
        Assert.Contains(run.Lines, line => line.TrimStart().StartsWith("rax=", StringComparison.Ordinal));
        // The throw helper has no rbp frame: the walk must still find the indexing method.
        Assert.Equal(Main, PanicTrace.Functions(run)[0]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void NullDereferenceIsANullReferenceExceptionPanicNamingTheAddress()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "null-read");

        Assert.Contains("PANIC: unhandled exception: System.NullReferenceException: Object reference not set to an instance of an object.", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("  from page fault (vector 14, error code 0x0): null dereference, read of address 0x0000000000000008", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("TypeSystem.Faults.ReadThroughNullReference", trace[0]);
        Assert.Equal(Main, trace[1]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    // Without a scheduler Main runs on the boot stack, which has a guard page too.
    [Fact]
    public void OverflowingTheBootStackIsAStackOverflowPanic()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "recurse");

        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: stack overflow in thread 'main': page fault on its guard page at address 0x", StringComparison.Ordinal));
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("TypeSystem.Faults.Recurse", trace[0]);
        Assert.Contains(Main, trace);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void IntegerDivisionByZeroIsADivideByZeroExceptionPanic()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "divide");

        Assert.Contains("PANIC: unhandled exception: System.DivideByZeroException: Attempted to divide by zero.", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("  from divide error (vector 0, error code 0x0) at rip 0x", StringComparison.Ordinal));
        Assert.Equal("TypeSystem.Faults.Divide", PanicTrace.Functions(run)[0]);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void CheckedArithmeticOverflowIsAnOverflowExceptionPanic()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "overflow");

        Assert.Contains("PANIC: unhandled exception: System.OverflowException: Arithmetic operation resulted in an overflow.", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void WriteToKernelCodeIsRefusedByThePageTables()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "write-text");

        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: page fault (vector 14, error code 0x3): write to read-only memory, address 0x", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        // WriteToKernelCode has no rbp frame; its caller is found from its return address.
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("TypeSystem.Faults.WriteToKernelCode", trace[0]);
        Assert.Equal(Main, trace[1]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }

    [Fact]
    public void ExecutingHeapDataIsRefusedByNoExecute()
    {
        HostProcessResult run = Qemu.BootElf(Images.TypeSystem.Elf, "exec-data");

        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: page fault (vector 14, error code 0x11): execute of no-execute memory, address 0x", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        // The faulting rip is heap data, which has no name; the call's return address does.
        List<string> trace = PanicTrace.Functions(run);
        Assert.Equal("?", trace[0]);
        Assert.Equal("TypeSystem.Faults.ExecuteHeapData", trace[1]);
        Assert.Equal(Main, trace[2]);
        Assert.Equal(PanicExitCode, run.ExitCode);
    }
}
