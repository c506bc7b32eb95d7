namespace Uk.Plat.PcX86_64.Time;

// A UTC calendar date and time (proleptic Gregorian), and its Unix time.
public readonly struct CivilTime
{
    private const long SecondsPerDay = 86_400;
    private const int DaysPer400Years = 146_097;

    public CivilTime(int year, int month, int day, int hour, int minute, int second)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
    }

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public bool IsValid => Month >= 1 && Month <= 12 && Day >= 1 && Day <= DaysInMonth(Year, Month)
        && Hour >= 0 && Hour < 24 && Minute >= 0 && Minute < 60 && Second >= 0 && Second < 60;

    public long ToUnixSeconds() =>
        DaysSinceEpoch(Year, Month, Day) * SecondsPerDay + Hour * 3600L + Minute * 60L + Second;

    public static CivilTime FromUnixSeconds(long seconds)
    {
        long days = FloorDivide(seconds, SecondsPerDay);
        long secondOfDay = seconds - days * SecondsPerDay;
        // Whole 400-year cycles first (each has the same number of days), then year by year.
        long cycles = FloorDivide(days, DaysPer400Years);
        int year = 1970 + (int)(cycles * 400);
        long rest = days - cycles * DaysPer400Years;
        while (rest >= DaysInYear(year))
            rest -= DaysInYear(year++);
        int month = 1;
        while (rest >= DaysInMonth(year, month))
            rest -= DaysInMonth(year, month++);
        return new CivilTime(year, month, (int)rest + 1, (int)(secondOfDay / 3600), (int)(secondOfDay / 60 % 60), (int)(secondOfDay % 60));
    }

    // 2026-11-28T01:23:45Z
    public string ToIso8601() =>
        Year.ToString("D4") + "-" + Month.ToString("D2") + "-" + Day.ToString("D2") + "T"
        + Hour.ToString("D2") + ":" + Minute.ToString("D2") + ":" + Second.ToString("D2") + "Z";

    public static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static int DaysInYear(int year) => IsLeapYear(year) ? 366 : 365;

    private static long DaysSinceEpoch(int year, int month, int day)
    {
        long days = 365L * (year - 1970) + LeapYearsBefore(year) - LeapYearsBefore(1970);
        for (int m = 1; m < month; m++)
            days += DaysInMonth(year, m);
        return days + day - 1;
    }

    // Leap years in [1, year), counted from year 1 so the count is monotonic.
    private static long LeapYearsBefore(int year)
    {
        long y = year - 1;
        return FloorDivide(y, 4) - FloorDivide(y, 100) + FloorDivide(y, 400);
    }

    private static long FloorDivide(long value, long divisor)
    {
        long quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
