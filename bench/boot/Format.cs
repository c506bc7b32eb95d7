using System.Globalization;

namespace Unikraft.Bench.Boot;

/// <summary>Number formatting for the report (invariant culture throughout).</summary>
public static class Format
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Seconds(double? s) => s is double v ? v.ToString("0.00", C) + " s" : "n/a";

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1048576.0).ToString("0.0", C) + " MiB"
        : (bytes / 1024.0).ToString("0", C) + " KiB";

    public static string Ratio(double? ours, double? theirs, string better, string worse)
    {
        if (ours is not double o || theirs is not double t || o <= 0 || t <= 0) return "n/a";
        return t >= o
            ? (t / o).ToString("0.0", C) + "x " + better
            : (o / t).ToString("0.0", C) + "x " + worse;
    }

    public static double? Round(double? v, int digits) => v is double d ? System.Math.Round(d, digits) : null;
}
