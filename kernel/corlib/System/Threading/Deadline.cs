using Internal.Runtime;

namespace System.Threading;

// Timeouts in milliseconds (Timeout.Infinite for none) as monotonic deadlines.
internal static class Deadline
{
    internal static long After(int millisecondsTimeout)
    {
        if (millisecondsTimeout == Timeout.Infinite)
            return long.MaxValue;
        if (millisecondsTimeout < 0)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), "a timeout is Timeout.Infinite (-1) or at least 0");
        return ClockSeam.MonotonicNanoseconds + millisecondsTimeout * 1_000_000L;
    }

    internal static int Milliseconds(TimeSpan timeout)
    {
        long milliseconds = timeout.Ticks / TimeSpan.TicksPerMillisecond;
        if (milliseconds < -1 || milliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), "a timeout is Timeout.InfiniteTimeSpan or between 0 and int.MaxValue milliseconds");
        return (int)milliseconds;
    }
}
