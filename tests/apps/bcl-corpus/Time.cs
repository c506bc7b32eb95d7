using System;
using System.Globalization;
using System.Linq;
using static Corpus.Report;

namespace Corpus;

// DateTime, DateTimeOffset, DateOnly, TimeOnly and TimeSpan over fixed values (never the
// clock), and Guid.
internal static class Time
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run()
    {
        var date = new DateTime(2024, 1, 31, 22, 30, 0);
        Check("datetime add", $"{date.AddMonths(1):yyyy-MM-dd} {date.AddDays(1):yyyy-MM-dd} {date.AddHours(3):yyyy-MM-dd HH:mm} {date.AddYears(1).AddMonths(1):yyyy-MM-dd} {date.AddMinutes(-90):HH:mm} {date.AddTicks(1).Ticks - date.Ticks}");
        Check("datetime parts", $"{date.Year} {date.Month} {date.Day} {date.DayOfWeek} {date.DayOfYear} {date.Hour} {date.TimeOfDay} {date.Date:s} {date.Kind}");
        Check("datetime leap", $"{DateTime.IsLeapYear(2024)} {DateTime.IsLeapYear(1900)} {DateTime.IsLeapYear(2000)} {DateTime.DaysInMonth(2023, 2)} {DateTime.DaysInMonth(2024, 2)} {new DateTime(2024, 2, 29).AddYears(1):yyyy-MM-dd}");
        Check("datetime subtract", $"{new DateTime(2025, 1, 1) - new DateTime(2024, 1, 1)} {(new DateTime(2024, 3, 10) - new DateTime(2024, 3, 9, 12, 0, 0)).TotalHours} {new DateTime(2000, 1, 1).Subtract(TimeSpan.FromDays(1)):yyyy-MM-dd}");
        Check("datetime compare", $"{new DateTime(2020, 5, 5) < new DateTime(2020, 5, 6)} {DateTime.Compare(date, date.AddTicks(-1))} {date.Equals(new DateTime(2024, 1, 31, 22, 30, 0))} {DateTime.MinValue:yyyy-MM-dd} {DateTime.MaxValue:yyyy-MM-dd HH:mm:ss.fffffff}");
        Check("datetime ticks", $"{new DateTime(2000, 1, 1).Ticks} {DateTime.UnixEpoch.Ticks} {new DateTime(638000000000000000):s} {Throws(() => new DateTime(2023, 2, 29))}");
        Check("datetime kinds", $"{DateTime.SpecifyKind(date, DateTimeKind.Utc).Kind} {DateTime.SpecifyKind(date, DateTimeKind.Utc):o} {new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToUniversalTime():o}");
        Check("datetime parse", $"{DateTime.Parse("2024-03-09T14:05:07", Invariant):o} {DateTime.Parse("03/09/2024 2:05 PM", Invariant):s} {DateTime.Parse("9 March 2024", Invariant):d} {DateTime.Parse("2024-03-09T14:05:07Z", Invariant, DateTimeStyles.AdjustToUniversal):o}");
        Check("datetime parseexact", $"{DateTime.ParseExact("20240309-140507", "yyyyMMdd-HHmmss", Invariant):s} {DateTime.ParseExact("Sat, 09 Mar 2024 14:05:07 GMT", "R", Invariant):s} {DateTime.TryParseExact("31/02/2024", "dd/MM/yyyy", Invariant, DateTimeStyles.None, out _)} {Throws(() => DateTime.ParseExact("x", "yyyy", Invariant))}");
        Check("datetime roundtrip", DateTime.Parse(new DateTime(2024, 7, 4, 1, 2, 3, 456, DateTimeKind.Utc).ToString("o"), Invariant, DateTimeStyles.RoundtripKind).Ticks == new DateTime(2024, 7, 4, 1, 2, 3, 456, DateTimeKind.Utc).Ticks);
        Check("datetime unix", $"{DateTimeOffset.FromUnixTimeSeconds(1700000000):o} {new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()} {DateTimeOffset.FromUnixTimeMilliseconds(-1000):s}");
        Check("week/calendar", $"{ISOWeek.GetWeekOfYear(new DateTime(2024, 12, 30))} {ISOWeek.GetYear(new DateTime(2024, 12, 30))} {ISOWeek.ToDateTime(2024, 1, DayOfWeek.Monday):yyyy-MM-dd} {Invariant.Calendar.GetWeekOfYear(new DateTime(2024, 3, 9), CalendarWeekRule.FirstDay, DayOfWeek.Sunday)}");

        var offset = new DateTimeOffset(2024, 3, 9, 14, 5, 7, TimeSpan.FromHours(2));
        Check("datetimeoffset", $"{offset:o} {offset.UtcDateTime:o} {offset.ToOffset(TimeSpan.FromHours(-5)):o} {offset.Offset} {offset.UtcTicks}");
        Check("datetimeoffset compare", $"{offset == new DateTimeOffset(2024, 3, 9, 12, 5, 7, TimeSpan.Zero)} {offset.EqualsExact(new DateTimeOffset(2024, 3, 9, 12, 5, 7, TimeSpan.Zero))} {(offset.AddHours(1) - offset).TotalMinutes}");
        Check("datetimeoffset parse", $"{DateTimeOffset.Parse("2024-03-09T14:05:07+05:30", Invariant):o} {DateTimeOffset.ParseExact("2024/03/09 -0800", "yyyy/MM/dd zzz", Invariant).Offset} {Throws(() => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(15)))}");

        var span = new TimeSpan(1, 2, 3, 4, 5);
        Check("timespan parts", $"{span.Days} {span.Hours} {span.Minutes} {span.Seconds} {span.Milliseconds} {span.TotalHours:F4} {span.Ticks} {span.TotalMilliseconds}");
        Check("timespan arithmetic", $"{span + TimeSpan.FromMinutes(58)} {span - TimeSpan.FromDays(2)} {span * 2} {span / 4} {span / TimeSpan.FromHours(1):F3} {-span} {span.Duration()}");
        Check("timespan factories", $"{TimeSpan.FromSeconds(90.5)} {TimeSpan.FromHours(1.5)} {TimeSpan.FromMilliseconds(1234.5)} {TimeSpan.FromTicks(10)} {TimeSpan.FromDays(1, 2, 3)} {TimeSpan.FromMinutes(2, 30)}");
        Check("timespan parse", $"{TimeSpan.Parse("1.02:03:04.5", Invariant)} {TimeSpan.Parse("-00:00:10", Invariant)} {TimeSpan.ParseExact("3h12m", "h'h'mm'm'", Invariant)} {TimeSpan.TryParse("25:00:00", Invariant, out TimeSpan wrapped)} {wrapped} {Throws(() => TimeSpan.Parse("xx", Invariant))}");
        Check("timespan compare", $"{TimeSpan.Zero < TimeSpan.FromTicks(1)} {TimeSpan.MaxValue} {TimeSpan.MinValue} {Throws(() => TimeSpan.MaxValue.Add(TimeSpan.FromTicks(1)))}");

        var day = new DateOnly(2024, 2, 28);
        var time = new TimeOnly(23, 45, 30);
        Check("dateonly", $"{day.AddDays(2):yyyy-MM-dd} {day.DayOfWeek} {day.DayNumber} {DateOnly.FromDateTime(date):o} {day.ToDateTime(time):s} {DateOnly.Parse("2024-12-25", Invariant).DayOfYear}");
        Check("timeonly", $"{time.AddMinutes(30):HH:mm:ss} {time.Hour} {time.IsBetween(new TimeOnly(22, 0), new TimeOnly(2, 0))} {(new TimeOnly(1, 0) - time)} {TimeOnly.FromTimeSpan(TimeSpan.FromHours(13.25)):t}");

        var guid = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        Check("guid bytes", Convert.ToHexString(guid.ToByteArray()) + " " + Convert.ToHexString(guid.ToByteArray(bigEndian: true)));
        Check("guid parse", $"{Guid.Parse("{0F8FAD5B-D9CB-469F-A165-70867728950E}") == guid} {Guid.ParseExact("0f8fad5bd9cb469fa16570867728950e", "N")} {Guid.TryParse("not a guid", out _)} {Guid.Empty} {new Guid(new byte[16]) == Guid.Empty}");
        Check("guid compare/version", $"{guid.CompareTo(Guid.Empty)} {guid.Equals(new Guid(guid.ToString()))} {guid.Version} {guid.Variant} {new Guid(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}");
        Check("guid newguid shape", $"{Guid.NewGuid() != Guid.NewGuid()} {Guid.NewGuid().Version} {Guid.CreateVersion7(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString()[..13]} {Guid.NewGuid().ToString().Length}");
        Check("timezone utc", $"{TimeZoneInfo.Utc.Id} {TimeZoneInfo.Utc.BaseUtcOffset} {TimeZoneInfo.ConvertTime(offset, TimeZoneInfo.Utc):o}");
        Check("date sorting", Join(new[] { new DateTime(2024, 5, 1), new DateTime(2023, 12, 31), new DateTime(2024, 1, 15) }.Order().Select(d => d.ToString("yyMMdd", Invariant))));
    }
}
