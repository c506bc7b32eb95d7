using System.Text.RegularExpressions;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Normalises one serial-console line for matching: firmware and GRUB emit ANSI escape
/// sequences and carriage returns around their text, which must not hide the guest's line.
/// </summary>
public static partial class SerialLine
{
    [GeneratedRegex(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[@-Z\\-_])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"[\x00-\x08\x0B-\x1F\x7F]")]
    private static partial Regex Control();

    public static string Clean(string raw) => Control().Replace(Escape().Replace(raw, ""), "").Trim();

    public static bool Matches(string raw, string expected) => Clean(raw) == expected;
}
