using System;
using System.Globalization;
using System.Linq;
using static Corpus.Report;

namespace Corpus;

// Standard and custom numeric, date and composite format strings, invariant culture.
internal static class Formatting
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run()
    {
        Check("format integer standard", string.Format(Invariant, "{0:D6} {0:X} {0:x8} {0:N0} {0:E2} {0:F1} {0:G} {0:C}", 48879));
        Check("format negative", string.Format(Invariant, "{0:D5} {0:N2} {0:X} {0:F3} {0:C2}", -1234));
        Check("format binary", $"{42:B} {42:B8} {(byte)255:B}");
        Check("format long/ulong", $"{long.MinValue} {ulong.MaxValue:N0} {long.MaxValue:X}");
        Check("format double standard", string.Format(Invariant, "{0:F2} {0:E} {0:e3} {0:G4} {0:N3} {0:P2} {0:R}", 1234.56789));
        Check("format double small", string.Format(Invariant, "{0} {0:F10} {0:E1} {0:G3}", 0.000012345));
        Check("format double special", string.Format(Invariant, "{0} {1} {2} {3} {4}", double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon));
        Check("format double roundtrip", $"{0.1 + 0.2} {1.0 / 3} {2.0 / 3:R} {100.0} {1e15} {1e16} {123456789012345680.0}");
        Check("format float", $"{1.1f} {float.MaxValue} {(float)Math.PI} {0.1f + 0.2f} {1f / 3:F4}");
        Check("format half", $"{(Half)3.14159} {Half.MaxValue} {(Half)0.1}");
        Check("format custom zero/hash", string.Format(Invariant, "{0:0.00} {0:#,##0.0} {0:00000} {0:#.###} {0:0.#####E+00}", 1234.5678));
        Check("format custom sections", string.Format(Invariant, "{0:+0.0;-0.0;zero} {1:+0.0;-0.0;zero} {2:+0.0;-0.0;zero}", 5.25, -5.25, 0.0));
        Check("format custom percent/literal", string.Format(Invariant, "{0:0.0%} {0:0.0‰} {1:'#'000} {1:00\\-00}", 0.1234, 1234));
        Check("format custom scaling", string.Format(Invariant, "{0:#,##0,K} {0:0,,.0M}", 123456789));
        Check("format alignment", string.Format(Invariant, "[{0,8:F2}] [{0,-8:F2}] [{1,6}] [{1,-6}]", 3.14159, "ab"));
        Check("format decimal", string.Format(Invariant, "{0} {0:F1} {0:N4} {0:C} {0:E3} {1} {2}", 12345.6789m, 1.000m, decimal.MaxValue));
        Check("format rounding", string.Format(Invariant, "{0:F0} {1:F0} {2:F1} {3:F1} {4:N0}", 0.5, 1.5, 0.25, 0.35, 2.5));
        Check("tostring formats", 255.ToString("X4", Invariant) + " " + 0.75.ToString("P", Invariant) + " " + (-5).ToString("000", Invariant) + " " + 1e-5.ToString(Invariant));
        Check("bool/char/enum format", $"{true} {'x'} {DayOfWeek.Monday:D} {DayOfWeek.Monday:G} {ConsoleColor.Red:X} {(DayOfWeek)10}");
        Check("flags enum format", $"{AttributeTargets.Class | AttributeTargets.Method} {(AttributeTargets)0}");

        var date = new DateTime(2024, 3, 9, 14, 5, 7, 123, DateTimeKind.Utc);
        Check("date standard formats", string.Join(" | ", new[] { "d", "D", "t", "T", "f", "g", "G", "M", "Y" }.Select(f => date.ToString(f, Invariant))));
        Check("date roundtrip formats", date.ToString("o", Invariant) + " | " + date.ToString("s", Invariant) + " | " + date.ToString("u", Invariant) + " | " + date.ToString("R", Invariant));
        Check("date custom formats", date.ToString("yyyy-MM-dd HH:mm:ss.fff", Invariant) + " | " + date.ToString("ddd dd MMM yy h:mm tt", Invariant) + " | " + date.ToString("dddd, MMMM d", Invariant));
        Check("date custom literal", date.ToString("'day' d 'of' MMMM, \\H\\H=HH", Invariant) + " | " + date.ToString("yyyyMMddTHHmmssK", Invariant));
        Check("timespan formats", string.Format(Invariant, "{0} {0:c} {0:g} {0:G} {0:hh\\:mm} {1}", new TimeSpan(1, 2, 3, 4, 567), TimeSpan.FromMilliseconds(-1500)));
        Check("datetimeoffset format", new DateTimeOffset(2024, 3, 9, 14, 5, 7, TimeSpan.FromHours(5.5)).ToString("yyyy-MM-dd HH:mm zzz", Invariant));
        Check("guid formats", string.Join(" ", new[] { "D", "N", "B", "P", "X" }.Select(f => new Guid("0f8fad5b-d9cb-469f-a165-70867728950e").ToString(f))));
    }
}
