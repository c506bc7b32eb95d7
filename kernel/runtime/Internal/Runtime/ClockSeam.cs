namespace Internal.Runtime;

// The monotonic clock the kernel installs once a clock library has calibrated one; Stopwatch
// and the threading types read it. An image without one cannot tell time, and says so.
internal static unsafe class ClockSeam
{
    private static delegate*<long> s_monotonic;

    internal static bool IsInstalled => s_monotonic != null;

    // Nanoseconds since boot.
    internal static long MonotonicNanoseconds => s_monotonic != null
        ? s_monotonic()
        : throw new System.PlatformNotSupportedException("no clock: list a library that provides 'clock' (apic) in unikernel.yaml");

    internal static void Install(delegate*<long> monotonicNanoseconds) => s_monotonic = monotonicNanoseconds;
}
