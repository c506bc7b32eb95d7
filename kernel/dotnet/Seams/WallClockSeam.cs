namespace Internal.Runtime;

// The time of day, as a clock library read it at boot (apic: the CMOS real-time clock) with
// the monotonic clock's reading at that moment; DateTime.UtcNow counts on from there.
internal static class WallClockSeam
{
    private static long s_unixNanosecondsAtReading;
    private static long s_monotonicAtReading;

    internal static bool IsInstalled { get; private set; }

    internal static void Install(long unixSeconds, long monotonicNanosecondsAtReading)
    {
        s_unixNanosecondsAtReading = unixSeconds * 1_000_000_000;
        s_monotonicAtReading = monotonicNanosecondsAtReading;
        IsInstalled = true;
    }

    // Nanoseconds since 1970-01-01 UTC; without a wall clock, since boot (so 1970 plus uptime).
    internal static long UnixNanoseconds
    {
        get
        {
            long monotonic = ClockSeam.IsInstalled ? ClockSeam.MonotonicNanoseconds : 0;
            return IsInstalled ? s_unixNanosecondsAtReading + (monotonic - s_monotonicAtReading) : monotonic;
        }
    }
}
