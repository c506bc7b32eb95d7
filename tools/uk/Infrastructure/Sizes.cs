using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Cli.Infrastructure;

// Byte counts for people ("42.6 KB") and memory sizes as the manifest writes them ("64M").
public static partial class Sizes
{
    public static string Format(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} B",
        < 1000 * 1000 => (bytes / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1000.0 / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    public static long ParseMiB(string text)
    {
        var match = MemoryPattern().Match(text.Trim());
        if (!match.Success)
            throw new UkException($"'{text}' is not a memory size: write it like 64M, 512K or 1G.");
        long value = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value.ToUpperInvariant() switch
        {
            "K" => Math.Max(1, value / 1024),
            "G" => value * 1024,
            _ => value,
        };
    }

    [GeneratedRegex(@"^(\d+)\s*([KMGkmg]?)i?B?$")]
    private static partial Regex MemoryPattern();
}
