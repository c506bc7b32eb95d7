namespace Uk.Plat.PcX86_64.Time;

// The monotonic clock: TSC ticks since calibration, in nanoseconds. The conversion is exact
// and cannot overflow before 2^64 ns (584 years) for any TSC under 18 GHz.
public sealed class TscClock
{
    public const ulong NanosecondsPerSecond = 1_000_000_000;

    private readonly ICpu _cpu;

    public TscClock(ICpu cpu, ulong hz, ulong origin)
    {
        _cpu = cpu;
        Hz = hz;
        Origin = origin;
    }

    public ulong Hz { get; }

    // The TSC value that counts as time 0.
    public ulong Origin { get; }

    public ulong NowNanoseconds => ToNanoseconds(_cpu.ReadTimestampCounter() - Origin);

    public ulong ToNanoseconds(ulong ticks) => Ratio.Scale(ticks, NanosecondsPerSecond, Hz);

    public ulong ToTicks(ulong nanoseconds) => Ratio.Scale(nanoseconds, Hz, NanosecondsPerSecond);

    // The TSC value `nanoseconds` from now, as LocalApic.ArmAt takes it.
    public ulong DeadlineAfter(ulong nanoseconds) => _cpu.ReadTimestampCounter() + ToTicks(nanoseconds);

    // "2.90 GHz", "800.00 MHz": for the boot log.
    public static string FormatHz(ulong hz)
    {
        bool giga = hz >= NanosecondsPerSecond;
        ulong hundredths = hz / (giga ? 10_000_000UL : 10_000UL);
        return (hundredths / 100).ToString() + "." + (hundredths % 100).ToString("D2") + (giga ? " GHz" : " MHz");
    }
}
