using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic.Time;

// Measures the TSC against the ACPI power-management timer, which counts at 3.579545 MHz on
// every ACPI PC that is not hardware-reduced, with or without a PIT (PCs and VMs without an
// i8254 leave the PIT's ports floating, and calibrating against them gives nonsense).
public static class PmTimerCalibration
{
    public const ulong PmTimerHz = 3_579_545;
    // Far more reads than the count takes (about 1 us each on hardware), yet a counter that
    // never moves is given up on within seconds.
    private const int MaxPolls = 4_000_000;

    // TSC ticks per second over `milliseconds` of PM timer time; 0 if the counter does not move.
    public static ulong TscHz(IReferenceCounter counter, int counterBits, ICpu cpu, int milliseconds)
    {
        uint mask = counterBits >= 32 ? uint.MaxValue : (1u << counterBits) - 1;
        ulong target = PmTimerHz * (ulong)milliseconds / 1000;
        uint start = counter.Read() & mask;
        ulong tscStart = cpu.ReadTimestampCounter();
        ulong tscEnd = tscStart;
        ulong elapsed = 0;
        for (int poll = 0; poll < MaxPolls && elapsed < target; poll++)
        {
            uint now = counter.Read() & mask;
            tscEnd = cpu.ReadTimestampCounter();
            // Masked, so one wrap of a 24-bit counter (every 4.7 s) is still a small difference.
            elapsed = (now - start) & mask;
        }
        if (elapsed < target)
            return 0;
        return Ratio.Scale(tscEnd - tscStart, PmTimerHz, elapsed);
    }
}
