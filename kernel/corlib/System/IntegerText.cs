namespace System;

// Integer text for the kernel's own messages (addresses in hex, padded decimals) without the
// standard-format machinery behind ToString(format), so that an image that never formats a
// number with "N", "F" or "E" does not carry the decimal renderer.
internal static class IntegerText
{
    public static unsafe string Hex(ulong value, int minDigits = 1, bool upperCase = true)
    {
        char* buffer = stackalloc char[Number.MaxDigits];
        int length = Number.FormatHex(value, minDigits, upperCase, new Span<char>(buffer, Number.MaxDigits));
        return new string(buffer, 0, length);
    }

    public static unsafe string Decimal(ulong value, int minDigits)
    {
        char* buffer = stackalloc char[Number.MaxDigits];
        int length = Number.FormatUInt64(value, new Span<char>(buffer, Number.MaxDigits));
        string digits = new string(buffer, 0, length);
        return length >= minDigits ? digits : new string('0', minDigits - length) + digits;
    }
}
