using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Cli.Catalog;

// The resolver's typing rules for option values (tools/Unikraft.Build/Options/OptionValueParser),
// so uk config rejects a bad value before anything is written.
public static partial class OptionValueChecker
{
    public static string Describe(LibraryOption option) => option.Type switch
    {
        "int" => "int (decimal or 0x hex)",
        "size" => "size (bytes with optional K, M or G suffix)",
        "bool" => "bool (true or false)",
        "string" => "string",
        _ => "one of: " + string.Join(", ", option.Values ?? []),
    };

    // null when the value is fine, else why not.
    public static string? Check(string qualifiedName, LibraryOption option, string value)
    {
        bool ok = option.Type switch
        {
            "int" => IsInt(value),
            "size" => SizePattern().IsMatch(value),
            "bool" => value is "true" or "false",
            "string" => true,
            "enum" => option.Values?.Contains(value) == true,
            _ => true,
        };
        return ok ? null : $"option '{qualifiedName}' expects {Describe(option)}, got '{value}'";
    }

    private static bool IsInt(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
            return long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex) && hex is >= 0 and <= int.MaxValue && text.Length <= 18;
        return DecimalPattern().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[0-9]+[KMG]?$")]
    private static partial Regex SizePattern();
}
