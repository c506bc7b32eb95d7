namespace System;

// Integer formatting into a caller's buffer. Kept free of allocation and of anything the
// host BCL lacks, so the host tests compile this same file and check it against .NET's own.
internal static class Number
{
    // Enough for "-9223372036854775808" and for 64 bits in binary-free hex with padding.
    public const int MaxDigits = 32;

    public static int FormatUInt64(ulong value, Span<char> destination)
    {
        int length = CountDecimalDigits(value);
        for (int i = length - 1; i >= 0; i--)
        {
            ulong quotient = value / 10;
            destination[i] = (char)('0' + (int)(value - quotient * 10));
            value = quotient;
        }
        return length;
    }

    public static int FormatInt64(long value, Span<char> destination)
    {
        if (value >= 0)
            return FormatUInt64((ulong)value, destination);
        destination[0] = '-';
        // Negating through ulong keeps long.MinValue exact.
        return 1 + FormatUInt64((ulong)(-(value + 1)) + 1, destination.Slice(1));
    }

    public static int FormatHex(ulong value, int minDigits, bool upperCase, Span<char> destination)
    {
        int digits = 1;
        for (ulong rest = value >> 4; rest != 0; rest >>= 4)
            digits++;
        if (digits < minDigits)
            digits = minDigits;
        char letterBase = upperCase ? 'A' : 'a';
        for (int i = digits - 1; i >= 0; i--)
        {
            int nibble = (int)(value & 0xF);
            destination[i] = nibble < 10 ? (char)('0' + nibble) : (char)(letterBase + nibble - 10);
            value >>= 4;
        }
        return digits;
    }

    // Formats per a .NET standard numeric format string of the forms "", "G", "D[n]", "X[n]",
    // "x[n]". Returns -1 for a format this subset does not support.
    public static int FormatInteger(ulong magnitude, bool negative, int bitWidth, ReadOnlySpan<char> format, Span<char> destination)
    {
        if (format.Length == 0)
            return FormatDecimal(magnitude, negative, 0, destination);

        char kind = format[0];
        int precision = 0;
        for (int i = 1; i < format.Length; i++)
        {
            char c = format[i];
            if (c < '0' || c > '9' || precision > 99)
                return -1;
            precision = precision * 10 + (c - '0');
        }

        switch (kind)
        {
            case 'G':
            case 'g':
                return format.Length == 1 ? FormatDecimal(magnitude, negative, 0, destination) : -1;
            case 'D':
            case 'd':
                return FormatDecimal(magnitude, negative, precision, destination);
            case 'X':
            case 'x':
                // Hex shows the two's-complement bits of the value at its own width.
                ulong bits = negative ? (ulong)(-(long)magnitude) : magnitude;
                if (bitWidth < 64)
                    bits &= (1UL << bitWidth) - 1;
                return FormatHex(bits, precision, kind == 'X', destination);
            default:
                return -1;
        }
    }

    private static int FormatDecimal(ulong magnitude, bool negative, int minDigits, Span<char> destination)
    {
        int position = 0;
        if (negative)
            destination[position++] = '-';
        int digits = CountDecimalDigits(magnitude);
        for (int i = digits; i < minDigits; i++)
            destination[position++] = '0';
        return position + FormatUInt64(magnitude, destination.Slice(position));
    }

    private static int CountDecimalDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }
}
