namespace Unikraft.Boot.Tests;

// Ending the machine as a PC does (core.shutdown, the acpi library): without QEMU's
// isa-debug-exit the guest powers off through the FADT's PM1 control block with the DSDT's
// \_S5 sleep type, and QEMU exits by itself with status 0; a reboot goes through the FADT's
// reset register (q35), the 8042 (pc, whose FADT names none) or a triple fault (no 8042).
public sealed class PowerOffBootTests
{
    private const string Greeting = "Hello from C# on a unikernel!";
    private const string ExitCodeLine = "[ info] exit code 0, shutting down";
    private const int TimeoutSeconds = 60;

    [Theory]
    [InlineData("pc")]
    [InlineData("q35")]
    public void HelloWithAcpiPowersTheMachineOffWithoutIsaDebugExit(string machine)
    {
        HostProcessResult run = Qemu.BootElfOn(Images.HelloAcpi.Elf, machine, timeoutSeconds: TimeoutSeconds);

        AssertPoweredOff(run);
        // QEMU's firmware tables put the PM1a control block at 0x604 on both machines.
        Assert.Contains("[ info] acpi: power-off through port 0x604 (S5 sleep type 0)", run.Output);
    }

    [Fact]
    public void HelloWithoutAcpiSaysWhyItCannotPowerOffAndHalts()
    {
        // apps/hello leaves acpi out (its 64 KiB goal): on a machine without isa-debug-exit
        // it halts, and QEMU runs until the test stops it.
        HostProcessResult run = Qemu.BootElfOn(Images.Hello.Elf, "q35", timeoutSeconds: 10);

        Assert.True(run.TimedOut, run.Output);
        Assert.Contains(Greeting, run.Lines);
        Assert.Equal("[ info] shutdown: no power-off: list the acpi library in unikernel.yaml; halting",
            run.Lines.SkipWhile(line => line != ExitCodeLine).ElementAt(1));
    }

    // OVMF moves the PIIX4's PM block (pc) to 0xB000: the old fixed guess (0x604) missed it.
    [Theory]
    [InlineData("pc", "power-off through port 0xB004 (S5 sleep type 0)")]
    [InlineData("q35", "power-off through port 0x604 (S5 sleep type 0), reset through port 0xCF9")]
    public void UnderOvmfThePowerOffPortComesFromTheFadt(string machine, string acpi)
    {
        HostProcessResult run = Qemu.BootIsoUefi(Images.HelloAcpi.Iso, extraArguments: ["-machine", machine], debugExit: false);

        AssertPoweredOff(run);
        Assert.Contains("[ info] acpi: " + acpi, run.Output);
    }

    [Fact]
    public void PoweroffIsChosenOverIsaDebugExitWhenTheManifestSaysSo()
    {
        HostProcessResult run = Qemu.BootElfOn(Images.ShutdownPowerOff.Elf, "pc", debugExit: true, timeoutSeconds: TimeoutSeconds);

        // isa-debug-exit would have made it (0 << 1) | 1.
        AssertPoweredOff(run);
    }

    // QEMU's -d cpu_reset logs "Triple fault" when that is what reset the CPU.
    [Theory]
    [InlineData("q35", "reset through port 0xCF9", false)]
    [InlineData("pc", "no reset register (the FADT names none)", false)]
    [InlineData("pc,i8042=off", "no reset register (the FADT names none)", true)]
    public void RebootResetsTheMachineAndNoRebootEndsQemu(string machine, string resetPath, bool tripleFault)
    {
        HostProcessResult run = Qemu.BootElfOn(Images.ShutdownReboot.Elf, machine, noReboot: true, timeoutSeconds: TimeoutSeconds,
            extraArguments: ["-d", "cpu_reset"]);

        Assert.False(run.TimedOut, run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Lines, line => line == Greeting);
        Assert.Contains(ExitCodeLine, run.Lines);
        Assert.Contains(resetPath, run.Output);
        Assert.DoesNotContain("halting", run.Output);
        // Where the FADT names a reset register the fallbacks are not reached; without it the
        // 8042 resets the machine, and without an 8042 the triple fault does.
        Assert.Equal(machine != "q35", run.Output.Contains("shutdown: no ACPI reset register: the FADT names none; resetting through the platform"));
        Assert.Equal(tripleFault, run.Output.Contains("Triple fault"));
    }

    [Fact]
    public void WithoutNoRebootTheMachineStartsAgain()
    {
        // Through SeaBIOS and GRUB, as a PC boots: QEMU's direct kernel boot does not survive a reset.
        HostProcessResult run = Qemu.BootIsoBios(Images.ShutdownReboot.Iso, extraArguments: ["-machine", "q35"], debugExit: false, timeoutSeconds: 20);

        // It boots, greets, resets, boots again ... until the test stops it.
        Assert.True(run.TimedOut, run.Output);
        Assert.True(run.Lines.Count(line => line == Greeting) >= 2, run.Output);
    }

    [Fact]
    public void HaltStopsTheCpuAndLeavesQemuRunning()
    {
        // isa-debug-exit is there, but halt does not use it: QEMU runs until the test stops it.
        HostProcessResult run = Qemu.BootElfOn(Images.ShutdownHalt.Elf, "pc", debugExit: true, noReboot: true, timeoutSeconds: 10);

        Assert.True(run.TimedOut, run.Output);
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains(ExitCodeLine, run.Lines);
        Assert.Equal("[ info] shutdown: core.shutdown is halt; halting", run.Lines.SkipWhile(line => line != ExitCodeLine).ElementAt(1));
    }

    // Without isa-debug-exit and -no-reboot only a power-off ends QEMU with 0: a halt runs
    // until the timeout, a reset boots again. (Whether the guest went on to say "did not power
    // off" is a race with QEMU acting on the request, so it is not asserted.)
    private static void AssertPoweredOff(HostProcessResult run)
    {
        Assert.False(run.TimedOut, run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Greeting, run.Lines);
        Assert.Contains(ExitCodeLine, run.Lines);
    }
}
