namespace System;

// The allocating side of integer formatting, used by the primitives' ToString.
internal static class NumberStrings
{
    public static unsafe string FromInteger(ulong magnitude, bool negative, int bitWidth, string? format)
    {
        char* buffer = stackalloc char[Number.MaxDigits + 100];
        ReadOnlySpan<char> formatSpan = format is null ? default : format.AsSpan();
        int length = Number.FormatInteger(magnitude, negative, bitWidth, formatSpan, new Span<char>(buffer, Number.MaxDigits + 100));
        if (length < 0)
            throw new FormatException("Format string '" + format + "' is not supported; use G, D[n], X[n] or x[n].");
        return new string(buffer, 0, length);
    }

    public static string Signed(long value, int bitWidth, string? format) =>
        value < 0 ? FromInteger((ulong)(-(value + 1)) + 1, true, bitWidth, format) : FromInteger((ulong)value, false, bitWidth, format);

    public static string Unsigned(ulong value, int bitWidth, string? format) => FromInteger(value, false, bitWidth, format);
}
