using System.Globalization;

namespace Unikraft.Boot.Tests;

public sealed class HelloBootTests
{
    private const string Greeting = "Hello from C# on a unikernel!";

    [Fact]
    public void ElfWithDirectKernelBootPrintsGreetingAndArguments()
    {
        HostProcessResult run = Qemu.BootElf(Images.Hello.Elf, "a b");

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains("boot loader: PVH direct boot (pvh)", run.Lines);
        Assert.Contains("command line: \"a b\"", run.Lines);
        Assert.Contains("arguments: 2", run.Lines);
        Assert.Contains("  args[0] = a", run.Lines);
        Assert.Contains("  args[1] = b", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void IsoUnderSeaBiosBootsThroughGrub()
    {
        HostProcessResult run = Qemu.BootIsoBios(Images.Hello.Iso);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("boot loader: GRUB", StringComparison.Ordinal) && line.EndsWith("(multiboot2)", StringComparison.Ordinal));
        Assert.Contains("arguments: 0", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void IsoUnderOvmfBootsThroughGrubEfi()
    {
        HostProcessResult run = Qemu.BootIsoUefi(Images.Hello.Iso);

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("boot loader: GRUB", StringComparison.Ordinal) && line.EndsWith("(multiboot2)", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void KernelParametersBeforeDoubleDashAreNotApplicationArguments()
    {
        HostProcessResult run = Qemu.BootElf(Images.Hello.Elf, "verbose=1 -- only this");

        Assert.Contains("arguments: 2", run.Lines);
        Assert.Contains("  args[0] = only", run.Lines);
        Assert.Contains("  args[1] = this", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void ALongCommandLineIsTakenWholeAndOneThatOverrunsTheBootInformationIsRefused()
    {
        HostProcessResult longest = Qemu.BootElf(Images.Hello.Elf, "-- " + new string('a', 4092));
        Assert.Contains("arguments: 1", longest.Lines);
        Assert.Contains("  args[0] = " + new string('a', 4092), longest.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), longest.ExitCode);

        // QEMU (7.2) puts its boot information 4128 bytes after the command line.
        HostProcessResult overrun = Qemu.BootElf(Images.Hello.Elf, "-- " + new string('a', 4200), timeoutSeconds: 30);
        Assert.False(overrun.TimedOut, overrun.Output);
        Assert.Contains("PANIC: the PVH boot information is overwritten", overrun.Output);
        Assert.DoesNotContain(Greeting, overrun.Lines);
    }

    [Fact]
    public void RunsInTwoMiBOfGuestMemory()
    {
        HostProcessResult run = Qemu.BootElf(Images.Hello.Elf, memoryMiB: 2);

        Assert.Contains(Greeting, run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void HeapIsSizedFromTheMemoryMap()
    {
        HostProcessResult small = Qemu.BootElf(Images.Hello.Elf, memoryMiB: 4);
        HostProcessResult large = Qemu.BootElf(Images.Hello.Elf, memoryMiB: 64);

        Assert.True(HeapKiB(large) > HeapKiB(small) + 50 * 1024, small.Output + large.Output);
    }

    private static int HeapKiB(HostProcessResult run)
    {
        string line = run.Lines.First(l => l.Contains("heap "));
        string digits = line.Substring(line.IndexOf("heap ", StringComparison.Ordinal) + 5).Split(' ')[0];
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void BootModulesAreKeptOutOfTheHeap()
    {
        string module = Path.Combine(Path.GetTempPath(), "uk-module-" + Guid.NewGuid().ToString("N")[..8] + ".bin");
        File.WriteAllBytes(module, new byte[2 * 1024 * 1024]);
        try
        {
            HostProcessResult plain = Qemu.BootElf(Images.Hello.Elf, memoryMiB: 16);
            HostProcessResult withModule = Qemu.BootElfWithModule(Images.Hello.Elf, module, memoryMiB: 16);

            Assert.Contains("[ info] boot modules: 1, 2048 KiB kept out of the heap", withModule.Lines);
            Assert.True(HeapKiB(withModule) <= HeapKiB(plain) - 2048, plain.Output + withModule.Output);
            Assert.Equal(Qemu.ExitCodeFor(0), withModule.ExitCode);
        }
        finally
        {
            File.Delete(module);
        }
    }
}
