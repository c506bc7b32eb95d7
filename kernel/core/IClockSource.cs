namespace Uk.Core;

// The platform's time sources: a calibrated cycle counter and the wall clock read at boot.
public interface IClockSource
{
    // Nanoseconds since an arbitrary start at boot; never goes back.
    long MonotonicNanoseconds { get; }

    // Cycle counter ticks per second.
    ulong CyclesPerSecond { get; }

    // Wall-clock time when MonotonicNanoseconds was 0, in nanoseconds since 1970-01-01 UTC.
    long BootUnixNanoseconds { get; }
}
