using Uk.Core;
using Uk.Plat.PcX86_64.Time;

namespace Uk.Plat.PcX86_64;

// Clock.Monotonic from the calibrated TSC; wall-clock time from the RTC reading at boot.
internal sealed class TscClockSource : IClockSource
{
    private readonly TscClock _clock;

    public TscClockSource(TscClock clock, long bootUnixNanoseconds)
    {
        _clock = clock;
        BootUnixNanoseconds = bootUnixNanoseconds;
    }

    public long MonotonicNanoseconds => (long)_clock.NowNanoseconds;

    public ulong CyclesPerSecond => _clock.Hz;

    public long BootUnixNanoseconds { get; }
}
