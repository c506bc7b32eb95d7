using System.Globalization;

namespace Unikraft.Boot.Tests;

// apps/threads, the example of plain System.Threading code, does what its README says.
public sealed class ThreadsExampleBootTests
{
    [Fact]
    public void WorkersShareTheJobsAndMainReportsTheSum()
    {
        HostProcessResult run = Qemu.BootElf(Images.Threads.Elf, memoryMiB: 32);

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("400 jobs, sum 80200, in ", StringComparison.Ordinal));
        int[] perWorker = run.Lines.Where(line => line.StartsWith("worker ", StringComparison.Ordinal)).Select(line => int.Parse(line.Split(' ')[3], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, perWorker.Length);
        Assert.Equal(400, perWorker.Sum());
        Assert.All(perWorker, jobs => Assert.True(jobs > 0, run.Output));
    }
}
