namespace System;

// A duration in 100-nanosecond ticks, as in .NET.
public readonly struct TimeSpan : IEquatable<TimeSpan>, IComparable<TimeSpan>
{
    public const long TicksPerMillisecond = 10_000;
    public const long TicksPerSecond = 10_000_000;
    public const long TicksPerMinute = 600_000_000;
    public const long TicksPerHour = 36_000_000_000;
    public const long TicksPerDay = 864_000_000_000;
    public const long NanosecondsPerTick = 100;

    public static readonly TimeSpan Zero = new TimeSpan(0);
    public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
    public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

    private readonly long _ticks;

    public TimeSpan(long ticks) => _ticks = ticks;

    public TimeSpan(int hours, int minutes, int seconds)
        : this(hours * TicksPerHour + minutes * TicksPerMinute + seconds * TicksPerSecond)
    {
    }

    public long Ticks => _ticks;

    public int Days => (int)(_ticks / TicksPerDay);

    public int Hours => (int)(_ticks / TicksPerHour % 24);

    public int Minutes => (int)(_ticks / TicksPerMinute % 60);

    public int Seconds => (int)(_ticks / TicksPerSecond % 60);

    public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);

    public double TotalDays => (double)_ticks / TicksPerDay;

    public double TotalHours => (double)_ticks / TicksPerHour;

    public double TotalMinutes => (double)_ticks / TicksPerMinute;

    public double TotalSeconds => (double)_ticks / TicksPerSecond;

    public double TotalMilliseconds => (double)_ticks / TicksPerMillisecond;

    public static TimeSpan FromTicks(long value) => new TimeSpan(value);

    public static TimeSpan FromMilliseconds(long milliseconds) => new TimeSpan(checked(milliseconds * TicksPerMillisecond));

    public static TimeSpan FromSeconds(long seconds) => new TimeSpan(checked(seconds * TicksPerSecond));

    public static TimeSpan FromMinutes(long minutes) => new TimeSpan(checked(minutes * TicksPerMinute));

    public static TimeSpan FromHours(long hours) => new TimeSpan(checked(hours * TicksPerHour));

    public static TimeSpan FromDays(long days) => new TimeSpan(checked(days * TicksPerDay));

    public TimeSpan Add(TimeSpan other) => new TimeSpan(checked(_ticks + other._ticks));

    public TimeSpan Subtract(TimeSpan other) => new TimeSpan(checked(_ticks - other._ticks));

    public TimeSpan Duration() => new TimeSpan(_ticks < 0 ? checked(-_ticks) : _ticks);

    public static TimeSpan operator +(TimeSpan a, TimeSpan b) => a.Add(b);

    public static TimeSpan operator -(TimeSpan a, TimeSpan b) => a.Subtract(b);

    public static TimeSpan operator -(TimeSpan a) => new TimeSpan(checked(-a._ticks));

    public static bool operator ==(TimeSpan a, TimeSpan b) => a._ticks == b._ticks;

    public static bool operator !=(TimeSpan a, TimeSpan b) => a._ticks != b._ticks;

    public static bool operator <(TimeSpan a, TimeSpan b) => a._ticks < b._ticks;

    public static bool operator >(TimeSpan a, TimeSpan b) => a._ticks > b._ticks;

    public static bool operator <=(TimeSpan a, TimeSpan b) => a._ticks <= b._ticks;

    public static bool operator >=(TimeSpan a, TimeSpan b) => a._ticks >= b._ticks;

    public bool Equals(TimeSpan other) => _ticks == other._ticks;

    public override bool Equals(object? obj) => obj is TimeSpan other && _ticks == other._ticks;

    public override int GetHashCode() => (int)_ticks ^ (int)(_ticks >> 32);

    public int CompareTo(TimeSpan other) => _ticks < other._ticks ? -1 : _ticks > other._ticks ? 1 : 0;

    // The constant ("c") format: [-][d.]hh:mm:ss[.fffffff].
    public override string ToString()
    {
        long ticks = _ticks;
        string sign = "";
        if (ticks < 0)
        {
            sign = "-";
            ticks = ticks == long.MinValue ? long.MaxValue : -ticks;
        }
        long days = ticks / TicksPerDay;
        string text = sign + (days != 0 ? days.ToString() + "." : "")
            + IntegerText.Decimal((ulong)(ticks / TicksPerHour % 24), 2) + ":" + IntegerText.Decimal((ulong)(ticks / TicksPerMinute % 60), 2) + ":" + IntegerText.Decimal((ulong)(ticks / TicksPerSecond % 60), 2);
        long fraction = ticks % TicksPerSecond;
        return fraction != 0 ? text + "." + IntegerText.Decimal((ulong)fraction, 7) : text;
    }
}
