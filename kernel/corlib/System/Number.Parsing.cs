namespace System;

// Decimal integer parsing for Int32/Int64.Parse and TryParse: optional sign, ASCII digits,
// surrounding spaces; no culture, no grouping.
internal static class NumberParsing
{
    internal static bool TryParse(ReadOnlySpan<char> text, long min, long max, out long value)
    {
        value = 0;
        int start = 0, end = text.Length;
        while (start < end && text[start] == ' ')
            start++;
        while (end > start && text[end - 1] == ' ')
            end--;
        bool negative = false;
        if (start < end && (text[start] == '-' || text[start] == '+'))
        {
            negative = text[start] == '-';
            start++;
        }
        if (start == end)
            return false;
        // Accumulate negatively: the negative range is one larger.
        long result = 0;
        for (int i = start; i < end; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9 || result < (long.MinValue + digit) / 10)
                return false;
            result = result * 10 - digit;
        }
        if (!negative)
        {
            if (result == long.MinValue)
                return false;
            result = -result;
        }
        if (result < min || result > max)
            return false;
        value = result;
        return true;
    }

    internal static long Parse(string? text, long min, long max)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        if (!TryParse(text.AsSpan(), min, max, out long value))
            throw new FormatException("'" + text + "' is not a decimal integer in [" + min.ToString() + ", " + max.ToString() + "]");
        return value;
    }
}
