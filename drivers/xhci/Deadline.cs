using Uk.Core;

namespace Uk.Drivers.Xhci;

// Time limits in Clock.Monotonic nanoseconds. Without a clock a budget of polls stands in
// for time (about 10 µs a poll, a register read under emulation), so nothing waits forever.
internal static class Deadline
{
    private const long PollsPerMillisecond = 100;

    public static long After(int milliseconds) =>
        Clock.IsAvailable ? Clock.Monotonic + (long)milliseconds * 1_000_000 : long.MaxValue;

    public static bool Passed(long deadline, long polls, int milliseconds) =>
        Clock.IsAvailable ? Clock.Monotonic >= deadline : polls > (long)milliseconds * PollsPerMillisecond;
}
