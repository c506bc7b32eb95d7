namespace System;

// The allocating side of integer formatting, used by the primitives' ToString.
internal static class NumberStrings
{
    public static unsafe string FromInteger(ulong magnitude, bool negative, int bitWidth, string? format)
    {
        char* buffer = stackalloc char[Number.MaxDigits + 100];
        ReadOnlySpan<char> formatSpan = format is null ? default : format.AsSpan();
        int length = Number.FormatInteger(magnitude, negative, bitWidth, formatSpan, new Span<char>(buffer, Number.MaxDigits + 100));
        if (length >= 0)
            return new string(buffer, 0, length);
        return FromIntegerAsDecimal(magnitude, negative, format);
    }

    // "F", "N" and "E" for integers go through the same decimal rendering as doubles.
    private static string FromIntegerAsDecimal(ulong magnitude, bool negative, string? format)
    {
        NumericFormat parsed = NumericFormat.Parse(format);
        string digits = Unsigned(magnitude, 64, null);
        var number = new DecimalText(DecimalText.TrimTrailingZeros(digits), digits.Length - 1, negative && magnitude != 0);
        return parsed.Kind switch
        {
            'F' => number.Fixed(parsed.PrecisionOr(2), grouped: false),
            'N' => number.Fixed(parsed.PrecisionOr(2), grouped: true),
            'E' => number.Scientific(parsed.PrecisionOr(6), parsed.ExponentSymbol, 3),
            _ => throw NumericFormat.Unsupported(format),
        };
    }

    // Without a format: plain decimal, kept apart so that images that never format with "N",
    // "F" or "E" do not carry the decimal renderer.
    public static unsafe string Signed(long value)
    {
        char* buffer = stackalloc char[Number.MaxDigits];
        return new string(buffer, 0, Number.FormatInt64(value, new Span<char>(buffer, Number.MaxDigits)));
    }

    public static unsafe string Unsigned(ulong value)
    {
        char* buffer = stackalloc char[Number.MaxDigits];
        return new string(buffer, 0, Number.FormatUInt64(value, new Span<char>(buffer, Number.MaxDigits)));
    }

    public static string Signed(long value, int bitWidth, string? format) =>
        value < 0 ? FromInteger((ulong)(-(value + 1)) + 1, true, bitWidth, format) : FromInteger((ulong)value, false, bitWidth, format);

    public static string Unsigned(ulong value, int bitWidth, string? format) => FromInteger(value, false, bitWidth, format);
}
