namespace Uk.Core;

// Time for the kernel and the application: monotonic nanoseconds and UTC wall-clock time.
public static class Clock
{
    public const long NanosecondsPerMillisecond = 1_000_000;
    public const long NanosecondsPerSecond = 1_000_000_000;

    private static IClockSource? s_source;

    public static bool IsAvailable => s_source is not null;

    public static unsafe void Install(IClockSource source)
    {
        s_source = source;
        Internal.Runtime.ClockSeam.Install(&ReadMonotonic);
    }

    private static long ReadMonotonic() => s_source!.MonotonicNanoseconds;

    // Nanoseconds since boot; 0 until the platform has calibrated its clock.
    public static long Monotonic => s_source?.MonotonicNanoseconds ?? 0;

    public static ulong CyclesPerSecond => s_source?.CyclesPerSecond ?? 0;

    // Nanoseconds since 1970-01-01 UTC.
    public static long UnixNanoseconds => s_source is null ? 0 : s_source.BootUnixNanoseconds + s_source.MonotonicNanoseconds;
}
