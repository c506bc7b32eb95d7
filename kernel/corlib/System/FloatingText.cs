namespace System;

// A small fixed-point rendering of floating-point values (up to six decimals), enough for
// console output. Full round-trip formatting is not part of this subset.
internal static class FloatingText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (value > 1.7976931348623157E+308)
            return "Infinity";
        if (value < -1.7976931348623157E+308)
            return "-Infinity";
        bool negative = value < 0;
        if (negative)
            value = -value;
        if (value >= 9.2e18)
            return negative ? "-" + "1E+19+" : "1E+19+";
        ulong whole = (ulong)value;
        ulong fraction = (ulong)((value - whole) * 1000000.0 + 0.5);
        if (fraction >= 1000000)
        {
            whole++;
            fraction -= 1000000;
        }
        string text = NumberStrings.Unsigned(whole, 64, null);
        if (fraction != 0)
        {
            string digits = NumberStrings.Unsigned(fraction, 64, "D6");
            int end = digits.Length;
            while (end > 0 && digits[end - 1] == '0')
                end--;
            text = text + "." + digits.Substring(0, end);
        }
        return negative ? "-" + text : text;
    }
}
