using Uk.Core;

namespace Uk.BlkDev;

// Time limits in Clock.Monotonic nanoseconds. Without a clock a budget of polls stands in
// for time (about 10 µs a poll, an MMIO read under emulation), so nothing waits forever.
public static class Deadline
{
    private const long PollsPerMillisecond = 100;

    public static long After(int milliseconds) =>
        Clock.IsAvailable ? Clock.Monotonic + (long)milliseconds * 1_000_000 : long.MaxValue;

    public static bool Passed(long deadline, long polls, int milliseconds) =>
        Clock.IsAvailable ? Clock.Monotonic >= deadline : polls > (long)milliseconds * PollsPerMillisecond;
}
