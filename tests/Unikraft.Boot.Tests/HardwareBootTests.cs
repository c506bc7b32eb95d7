using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// What the apic library finds on QEMU's PC: ACPI's MADT (or, without ACPI, the
// legacy PIC), the TSC's rate and the CMOS clock.
public sealed partial class HardwareBootTests
{
    [Fact]
    public void DirectBootFindsTheIoApicAndCalibratesTheClocks()
    {
        HostProcessResult run = Qemu.BootElf(Images.Scheduler("coop").Elf);
        DateTime hostNow = DateTime.UtcNow;

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        AssertQemuMadt(run, "RSDP from the boot information");
        AssertClocks(run, hostNow, "the ACPI PM timer");
    }

    // Machines without an i8254 (pit=off; many current PCs and VMs) leave port 0x61's output
    // bit floating: calibrating against it once gave a 5.89 MHz TSC and sleeps that woke in
    // the wrong order. The PM timer does not need the PIT, and the scheduler's timing
    // scenarios (sleep order, timeouts) pass on it.
    [Fact]
    public void WithoutAPitTheTscIsCalibratedAgainstThePmTimer()
    {
        HostProcessResult run = Qemu.BootElfOn(Images.Scheduler("coop").Elf, "q35,pit=off", debugExit: true);
        DateTime hostNow = DateTime.UtcNow;

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        AssertClocks(run, hostNow, "the ACPI PM timer");
        Assert.Contains("all scenarios passed", run.Lines);
    }

    [Fact]
    public void WithoutAcpiThePicIsUsed()
    {
        HostProcessResult run = Qemu.BootElfWithoutAcpi(Images.Scheduler("coop").Elf);
        DateTime hostNow = DateTime.UtcNow;

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Contains("[ info] acpi: no RSDP from the boot loader or in the BIOS areas; interrupts: legacy PIC (8259)", run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.Contains("MADT"));
        Assert.Contains("[ info] interrupts: 8259 PIC, one-shot local APIC timer (no periodic tick)", run.Lines);
        Assert.Contains("all scenarios passed", run.Lines);
        AssertClocks(run, hostNow, "the PIT");
    }

    [Fact]
    public void UefiBootFindsAcpiThroughGrubsRsdpTag()
    {
        HostProcessResult run = Qemu.BootIsoUefi(Images.Scheduler("coop").Iso);
        DateTime hostNow = DateTime.UtcNow;

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        AssertQemuMadt(run, "RSDP from the boot loader, ACPI 2+");
        AssertClocks(run, hostNow, "the ACPI PM timer");
    }

    private static void AssertQemuMadt(HostProcessResult run, string source)
    {
        string line = Assert.Single(run.Lines, l => l.StartsWith("[ info] acpi: MADT", StringComparison.Ordinal));
        Match match = MadtLine().Match(line);
        Assert.True(match.Success, line);
        Assert.InRange(int.Parse(match.Groups["pins"].Value, CultureInfo.InvariantCulture), 8, 240);
        Assert.InRange(int.Parse(match.Groups["overrides"].Value, CultureInfo.InvariantCulture), 1, 16);
        Assert.Contains(source, line);
    }

    // A TSC rate a real or emulated x86 can have, and the guest's RTC within minutes of ours.
    private static void AssertClocks(HostProcessResult run, DateTime hostNow, string reference)
    {
        string line = Assert.Single(run.Lines, l => l.StartsWith("[ info] time: ", StringComparison.Ordinal));
        Match match = TimeLine().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal(reference, match.Groups["reference"].Value);
        double hz = double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture) * (match.Groups["unit"].Value == "GHz" ? 1e9 : 1e6);
        Assert.InRange(hz, 100e6, 10e9);
        DateTime guestNow = DateTime.Parse(match.Groups["wall"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(guestNow, hostNow.AddMinutes(-3), hostNow.AddMinutes(3));
    }

    [GeneratedRegex(@"^\[ info\] acpi: MADT lapic 0xFEE00000, 1 I/O APIC \(0xFEC00000, (?<pins>\d+) pins\), (?<overrides>\d+) overrides?, 1 CPU \(")]
    private static partial Regex MadtLine();

    [GeneratedRegex(@"^\[ info\] time: TSC (?<rate>\d+\.\d\d) (?<unit>GHz|MHz) \(calibrated against (?<reference>the PIT|the ACPI PM timer) in \d+ ms[^)]*\), tsc-deadline (yes|no, APIC timer \d+\.\d\d [GM]Hz), wall clock (?<wall>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$")]
    private static partial Regex TimeLine();
}
