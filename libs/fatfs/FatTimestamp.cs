using System;

namespace Uk.FatFs;

// Entry times. The kernel's clock is not a dependency of this library, so a source of the
// time is installed by whoever has one; without one every entry carries 2025-01-01 00:00.
public static class FatTimestamp
{
    // Seconds since 1970-01-01 UTC.
    public static Func<long>? UnixSecondsSource;

    internal static void Stamp(Span<byte> entry)
    {
        Encode(out uint date, out uint time);
        LittleEndian.Put16(entry, 14, time);
        LittleEndian.Put16(entry, 16, date);
        LittleEndian.Put16(entry, 18, date);
        LittleEndian.Put16(entry, 22, time);
        LittleEndian.Put16(entry, 24, date);
    }

    internal static void StampModified(Span<byte> entry)
    {
        Encode(out uint date, out uint time);
        LittleEndian.Put16(entry, 18, date);
        LittleEndian.Put16(entry, 22, time);
        LittleEndian.Put16(entry, 24, date);
    }

    private static void Encode(out uint date, out uint time)
    {
        // 2025-01-01 00:00:00 UTC when nobody installed a clock.
        long seconds = UnixSecondsSource is null ? 1735689600 : UnixSecondsSource();
        if (seconds < 315532800)
            seconds = 315532800;
        long days = seconds / 86400;
        long secondOfDay = seconds % 86400;
        CivilFromDays(days, out int year, out int month, out int day);
        if (year > 2107)
            year = 2107;
        date = (uint)(((year - 1980) << 9) | (month << 5) | day);
        time = (uint)(((secondOfDay / 3600) << 11) | (((secondOfDay / 60) % 60) << 5) | ((secondOfDay % 60) / 2));
    }

    // Days since 1970-01-01 to a Gregorian date (the era-based method of H. Hinnant's date algorithms).
    private static void CivilFromDays(long days, out int year, out int month, out int day)
    {
        long z = days + 719468;
        long era = z / 146097;
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    }
}
