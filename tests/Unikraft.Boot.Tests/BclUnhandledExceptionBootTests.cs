namespace Unikraft.Boot.Tests;

// On .NET's own CoreLib an exception nothing catches is reported as .NET reports it on Linux
// (type, message, the managed frames from the throw), then the kernel stops with its panic
// exit code.
public sealed class BclUnhandledExceptionBootTests
{
    [Fact]
    public void DotnetReportsTheExceptionAndItsFramesThenTheKernelPanics()
    {
        HostProcessResult run = Qemu.BootElf(Images.BclUnhandled.Elf, memoryMiB: 64);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("about to fail", run.Lines);
        Assert.Contains("Unhandled exception. System.InvalidOperationException: nothing catches this", run.Lines);
        int first = run.Lines.ToList().FindIndex(line => line.StartsWith("   at Program.<<Main>$>g__Fail|0_0(Int32)", StringComparison.Ordinal));
        Assert.True(first >= 0, "no frame of the throwing method in:\n" + run.Output);
        Assert.StartsWith("   at Program.<Main>$(String[] args)", run.Lines.ElementAt(first + 1));
        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: dotnet: the process aborted: an unhandled exception", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(127), run.ExitCode);
    }
}
