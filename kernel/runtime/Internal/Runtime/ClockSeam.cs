namespace Internal.Runtime;

// The monotonic clock the kernel installs once the platform has calibrated one; Stopwatch
// and the threading types read it. Until then time stands still at 0.
internal static unsafe class ClockSeam
{
    private static delegate*<long> s_monotonic;

    internal static bool IsInstalled => s_monotonic != null;

    // Nanoseconds since boot.
    internal static long MonotonicNanoseconds => s_monotonic != null ? s_monotonic() : 0;

    internal static void Install(delegate*<long> monotonicNanoseconds) => s_monotonic = monotonicNanoseconds;
}
