using System.Globalization;

namespace Unikraft.Boot.Tests;

// The same stress app built with each allocator library: only the manifest differs.
public sealed class AllocatorBootTests
{
    [Theory]
    [InlineData("buddy", true)]
    [InlineData("region", false)]
    [InlineData("tlsf", true)]
    public void StressPassesWithEachAllocator(string allocator, bool reusesMemory)
    {
        BuiltImage image = Images.Allocator(allocator);

        HostProcessResult run = Qemu.BootElf(image.Elf, memoryMiB: 64);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] alloc: " + allocator + " over ", StringComparison.Ordinal));
        Assert.Contains("stress: " + allocator + (reusesMemory ? "" : " (no free)"), run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains("ok out of memory returns null and counts a failure", run.Lines);
        Assert.Contains("ok the mapped window reaches the frame", run.Lines);
        Assert.Contains("ok unmap removes the window", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("stats: in use ", StringComparison.Ordinal));
        if (reusesMemory)
            Assert.Contains("ok memory is usable again after freeing", run.Lines);
        Assert.Contains("stress passed", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Theory]
    [InlineData("buddy")]
    [InlineData("tlsf")]
    public void HeapFollowsGuestMemory(string allocator)
    {
        BuiltImage image = Images.Allocator(allocator);

        HostProcessResult small = Qemu.BootElf(image.Elf, memoryMiB: 16);
        HostProcessResult large = Qemu.BootElf(image.Elf, memoryMiB: 256);

        Assert.Equal(Qemu.ExitCodeFor(0), small.ExitCode);
        Assert.Equal(Qemu.ExitCodeFor(0), large.ExitCode);
        Assert.True(OutOfMemoryAfterKiB(large) > OutOfMemoryAfterKiB(small) + 100 * 1024, small.Output + large.Output);
    }

    [Fact]
    public void ManagedNewThatCannotBeServedPanicsWithTheSizeAndStatistics()
    {
        HostProcessResult run = Qemu.BootElf(Images.Allocator("tlsf").Elf, "managed-oom", memoryMiB: 32);

        Assert.Contains(run.Lines, line => line.StartsWith("PANIC: out of memory: asked for 1073741", StringComparison.Ordinal) && line.Contains("; in use ") && line.Contains(", failures "));
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(127), run.ExitCode);
    }

    private static long OutOfMemoryAfterKiB(HostProcessResult run)
    {
        string line = run.Lines.First(l => l.StartsWith("out of memory after ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[4], CultureInfo.InvariantCulture);
    }
}
