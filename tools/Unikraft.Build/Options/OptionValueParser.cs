using System.Collections.Generic;
using System.Globalization;
using Unikraft.Build.Yaml;

namespace Unikraft.Build.Options;

/// <summary>Turns YAML scalars into typed option values. The same rules apply to library
/// defaults and to manifest settings so a default can never be something a user could not write.</summary>
public static class OptionValueParser
{
    public static string DescribeType(OptionType type, IReadOnlyList<string> values) => type switch
    {
        OptionType.Int => "int (decimal or 0x hex)",
        OptionType.Size => "size (bytes with optional K, M or G suffix)",
        OptionType.Bool => "bool (true or false)",
        OptionType.String => "string",
        _ => "one of: " + string.Join(", ", values),
    };

    /// <summary>Parses <paramref name="node"/> as a value of <paramref name="type"/>; on failure
    /// returns null and an error naming the option as <paramref name="qualifiedName"/>.</summary>
    public static OptionValue? Parse(string qualifiedName, OptionType type, IReadOnlyList<string> values, YamlNode node, out string? error)
    {
        error = null;
        if (node is not YamlScalar scalar)
        {
            error = $"option '{qualifiedName}' expects {DescribeType(type, values)}{(type == OptionType.Enum ? ";" : ",")} got {node.KindName}";
            return null;
        }

        var text = scalar.Value;
        OptionValue? result = type switch
        {
            OptionType.Int => TryParseInt(text, out var number, out var hex) ? OptionValue.FromInt(number, hex) : null,
            OptionType.Size => TryParseSize(text, out var bytes) ? OptionValue.FromSize(bytes) : null,
            OptionType.Bool => text switch
            {
                "true" => OptionValue.FromBool(true),
                "false" => OptionValue.FromBool(false),
                _ => null,
            },
            OptionType.String => OptionValue.FromString(OptionType.String, text),
            _ => Contains(values, text) ? OptionValue.FromString(OptionType.Enum, text) : null,
        };

        if (result is null)
        {
            error = type == OptionType.Enum
                ? $"option '{qualifiedName}' expects {DescribeType(type, values)}; got '{text}'"
                : $"option '{qualifiedName}' expects {DescribeType(type, values)}, got '{text}'";
        }

        return result;
    }

    /// <summary>Decimal (optionally negative) or 0x hex, within the range of a C# int.</summary>
    public static bool TryParseInt(string text, out int value, out bool isHex)
    {
        isHex = text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
        if (isHex)
        {
            var digits = text.Substring(2);
            if (IsHexDigits(digits) && long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var wide)
                && digits.Length <= 16 && wide >= 0 && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        var start = text.StartsWith('-') ? 1 : 0;
        if (text.Length == start || !IsDecimalDigits(text.Substring(start)))
        {
            value = 0;
            return false;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A byte count with an optional K, M or G suffix (powers of 1024).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0)
        {
            return false;
        }

        long multiplier = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1024L,
            'M' => 1024L * 1024,
            'G' => 1024L * 1024 * 1024,
            _ => 1,
        };
        var digits = multiplier == 1 ? text : text.Substring(0, text.Length - 1);
        if (!IsDecimalDigits(digits) || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        if (count > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = count * multiplier;
        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string text)
    {
        foreach (var value in values)
        {
            if (value == text)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDecimalDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHexDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
