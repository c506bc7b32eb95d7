using Internal.Runtime;

namespace System.Diagnostics;

// Elapsed time from the kernel's monotonic clock; timestamps are nanoseconds.
public class Stopwatch
{
    public static readonly long Frequency = 1_000_000_000;
    public static readonly bool IsHighResolution = true;

    private long _elapsed;
    private long _startedAt;
    private bool _running;

    public bool IsRunning => _running;

    public TimeSpan Elapsed => new TimeSpan(ElapsedNanoseconds / TimeSpan.NanosecondsPerTick);

    public long ElapsedMilliseconds => ElapsedNanoseconds / 1_000_000;

    public long ElapsedTicks => ElapsedNanoseconds;

    private long ElapsedNanoseconds => _running ? _elapsed + GetTimestamp() - _startedAt : _elapsed;

    public static long GetTimestamp() => ClockSeam.MonotonicNanoseconds;

    public static TimeSpan GetElapsedTime(long startingTimestamp) =>
        new TimeSpan((GetTimestamp() - startingTimestamp) / TimeSpan.NanosecondsPerTick);

    public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
        new TimeSpan((endingTimestamp - startingTimestamp) / TimeSpan.NanosecondsPerTick);

    public static Stopwatch StartNew()
    {
        var stopwatch = new Stopwatch();
        stopwatch.Start();
        return stopwatch;
    }

    public void Start()
    {
        if (_running)
            return;
        _startedAt = GetTimestamp();
        _running = true;
    }

    public void Stop()
    {
        if (!_running)
            return;
        _elapsed += GetTimestamp() - _startedAt;
        _running = false;
    }

    public void Reset()
    {
        _elapsed = 0;
        _running = false;
    }

    public void Restart()
    {
        _elapsed = 0;
        _startedAt = GetTimestamp();
        _running = true;
    }
}
