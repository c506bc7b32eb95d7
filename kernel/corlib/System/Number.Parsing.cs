namespace System;

// Decimal integer parsing for the integer types' Parse and TryParse with .NET's default
// NumberStyles.Integer: surrounding white space, an optional sign, ASCII digits; no culture,
// no grouping. A well-formed number out of the type's range is an overflow, not a format
// error, as in .NET.
internal static class NumberParsing
{
    internal enum Status
    {
        Ok,
        Format,
        Overflow,
    }

    internal static Status TryParseSigned(ReadOnlySpan<char> text, long min, long max, out long value)
    {
        value = 0;
        Status status = Scan(text, out bool negative, out ulong magnitude);
        if (status == Status.Format)
            return status;
        ulong limit = negative ? (ulong)(-(min + 1)) + 1 : (ulong)max;
        if (status == Status.Overflow || magnitude > limit)
            return Status.Overflow;
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return Status.Ok;
    }

    internal static Status TryParseUnsigned(ReadOnlySpan<char> text, ulong max, out ulong value)
    {
        value = 0;
        Status status = Scan(text, out bool negative, out ulong magnitude);
        if (status == Status.Format)
            return status;
        // "-0" is zero; any other negative number is below an unsigned type's range.
        if (status == Status.Overflow || magnitude > max || (negative && magnitude != 0))
            return Status.Overflow;
        value = magnitude;
        return Status.Ok;
    }

    internal static long ParseSigned(string? text, long min, long max, string typeName)
    {
        if (text is null)
            throw new ArgumentNullException("s");
        Status status = TryParseSigned(text.AsSpan(), min, max, out long value);
        ThrowIfFailed(status, text, typeName);
        return value;
    }

    internal static ulong ParseUnsigned(string? text, ulong max, string typeName)
    {
        if (text is null)
            throw new ArgumentNullException("s");
        Status status = TryParseUnsigned(text.AsSpan(), max, out ulong value);
        ThrowIfFailed(status, text, typeName);
        return value;
    }

    private static void ThrowIfFailed(Status status, string text, string typeName)
    {
        if (status == Status.Format)
            throw new FormatException("The input string '" + text + "' was not in a correct format.");
        if (status == Status.Overflow)
            throw new OverflowException("Value was either too large or too small for " + typeName + ".");
    }

    // The sign and the magnitude; an overflow is reported only once the whole text is known to
    // be well formed.
    private static Status Scan(ReadOnlySpan<char> text, out bool negative, out ulong magnitude)
    {
        negative = false;
        magnitude = 0;
        int start = 0, end = text.Length;
        while (start < end && IsWhite(text[start]))
            start++;
        while (end > start && (IsWhite(text[end - 1]) || text[end - 1] == '\0'))
            end--;
        if (start < end && (text[start] == '-' || text[start] == '+'))
        {
            negative = text[start] == '-';
            start++;
        }
        if (start == end)
            return Status.Format;
        bool overflow = false;
        for (int i = start; i < end; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
                return Status.Format;
            if (magnitude > (ulong.MaxValue - digit) / 10)
                overflow = true;
            else
                magnitude = magnitude * 10 + digit;
        }
        return overflow ? Status.Overflow : Status.Ok;
    }

    private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');
}
