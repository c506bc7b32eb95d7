using System.Globalization;

namespace Unikraft.Build.Options;

/// <summary>A typed option value. <see cref="Number"/> holds int and size values,
/// <see cref="Text"/> holds string and enum values.</summary>
public sealed record OptionValue(OptionType Type, long Number, bool Boolean, string Text, bool IsHex)
{
    public static OptionValue FromInt(int value, bool isHex) => new(OptionType.Int, value, false, "", isHex);

    public static OptionValue FromSize(long bytes) => new(OptionType.Size, bytes, false, "", false);

    public static OptionValue FromBool(bool value) => new(OptionType.Bool, 0, value, "", false);

    public static OptionValue FromString(OptionType type, string value) => new(type, 0, false, value, false);

    /// <summary>The value as a person would write it in a manifest.</summary>
    public string Display => Type switch
    {
        OptionType.Int => IsHex ? "0x" + Number.ToString("X", CultureInfo.InvariantCulture) : Number.ToString(CultureInfo.InvariantCulture),
        OptionType.Size => Number.ToString(CultureInfo.InvariantCulture),
        OptionType.Bool => Boolean ? "true" : "false",
        _ => Text,
    };
}
