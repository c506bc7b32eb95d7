namespace System;

// Double and Single to text as .NET Core 3.0 and later print them: the shortest digits that
// read back as the same value ("R", and "G" without a precision), or the exact binary value
// rounded for "F", "N", "E" and "G<n>". Works on the exact decimal expansion of the value,
// computed with big integers, so every result is correctly rounded.
internal static class FloatingText
{
    public static string Format(double value, string? format) =>
        Format(BitConverterBits.DoubleToBits(value), 52, 11, 17, format);

    public static string Format(float value, string? format) =>
        Format(BitConverterBits.SingleToBits(value), 23, 8, 9, format);

    public static string Format(double value) => Format(value, null);

    private static string Format(ulong bits, int fractionBits, int exponentBits, int roundTripPrecision, string? format)
    {
        bool negative = (bits >> (fractionBits + exponentBits)) != 0;
        int biasedExponent = (int)((bits >> fractionBits) & ((1UL << exponentBits) - 1));
        ulong fraction = bits & ((1UL << fractionBits) - 1);
        int maxExponent = (1 << exponentBits) - 1;
        if (biasedExponent == maxExponent)
            return fraction != 0 ? "NaN" : negative ? "-Infinity" : "Infinity";

        NumericFormat parsed = NumericFormat.Parse(format);
        int bias = (1 << (exponentBits - 1)) - 1;
        ulong mantissa = biasedExponent == 0 ? fraction : fraction | (1UL << fractionBits);
        int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - bias - fractionBits;
        bool lowerGapHalf = biasedExponent > 1 && fraction == 0;

        switch (parsed.Kind)
        {
            case 'R':
            case 'G' when parsed.Precision <= 0:
                return Shortest(mantissa, exponent, lowerGapHalf, negative).General(roundTripPrecision, parsed.ExponentSymbol);
            case 'G':
                return Exact(mantissa, exponent, negative).RoundToSignificant(parsed.Precision).General(parsed.Precision, parsed.ExponentSymbol);
            case 'F':
                return Exact(mantissa, exponent, negative).Fixed(parsed.PrecisionOr(2), grouped: false);
            case 'N':
                return Exact(mantissa, exponent, negative).Fixed(parsed.PrecisionOr(2), grouped: true);
            case 'E':
                return Exact(mantissa, exponent, negative).Scientific(parsed.PrecisionOr(6), parsed.ExponentSymbol, 3);
            default:
                throw NumericFormat.Unsupported(format);
        }
    }

    // mantissa * 2^exponent exactly, as decimal digits.
    private static DecimalText Exact(ulong mantissa, int exponent, bool negative)
    {
        if (mantissa == 0)
            return new DecimalText("0", 0, negative);
        ScaledDigits(mantissa, exponent, out string digits, out int scale);
        return new DecimalText(DecimalText.TrimTrailingZeros(digits), digits.Length - 1 + scale, negative, tiesToEven: true);
    }

    // The digits of n * 2^exponent as an integer times 10^scale (scale <= 0).
    private static void ScaledDigits(ulong n, int exponent, out string digits, out int scale)
    {
        BigDecimalInteger value = BigDecimalInteger.From(n);
        if (exponent >= 0)
        {
            value.ShiftLeft(exponent);
            scale = 0;
        }
        else
        {
            // n / 2^k = n * 5^k / 10^k
            value.MultiplyByPowerOf5(-exponent);
            scale = exponent;
        }
        digits = value.ToDecimalString();
    }

    // The fewest digits that lie strictly inside the interval of values that round to this
    // one (or on its edge when the mantissa is even, since ties read back to even), the
    // closest to the exact value when several do.
    private static DecimalText Shortest(ulong mantissa, int exponent, bool lowerGapHalf, bool negative)
    {
        if (mantissa == 0)
            return new DecimalText("0", 0, negative);
        // Work in units of 2^(exponent - 2) so that both interval ends are integers.
        ulong value = mantissa << 2;
        ulong low = lowerGapHalf ? value - 1 : value - 2;
        ulong high = value + 2;
        ScaledDigits(value, exponent - 2, out string exact, out int scale);
        ScaledDigits(low, exponent - 2, out string lowDigits, out _);
        ScaledDigits(high, exponent - 2, out string highDigits, out _);
        bool inclusive = (mantissa & 1) == 0;

        for (int count = 1; count < exact.Length; count++)
        {
            string down = exact.Substring(0, count);
            string up = Increment(down);
            bool roundUp = exact[count] >= '5';
            string nearest = roundUp ? up : down, other = roundUp ? down : up;
            foreach (string candidate in new[] { nearest, other })
            {
                // The candidate as an integer in the same units: its digits followed by zeros.
                string scaled = candidate + new string('0', exact.Length - count);
                if (Within(scaled, lowDigits, highDigits, inclusive))
                    return Normalised(scaled, scale, negative);
            }
        }
        return Normalised(exact, scale, negative);
    }

    private static DecimalText Normalised(string digits, int scale, bool negative) =>
        new DecimalText(DecimalText.TrimTrailingZeros(digits), digits.Length - 1 + scale, negative);

    private static bool Within(string candidate, string low, string high, bool inclusive)
    {
        int fromLow = Compare(candidate, low), toHigh = Compare(candidate, high);
        return inclusive ? fromLow >= 0 && toHigh <= 0 : fromLow > 0 && toHigh < 0;
    }

    // Compares two non-negative decimal integers written without leading zeros.
    private static int Compare(string left, string right)
    {
        if (left.Length != right.Length)
            return left.Length < right.Length ? -1 : 1;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
                return left[i] < right[i] ? -1 : 1;
        }
        return 0;
    }

    // digits + 1 (may grow by one digit: "99" -> "100").
    private static string Increment(string digits)
    {
        char[] result = digits.ToCharArray();
        int i = result.Length - 1;
        while (i >= 0 && result[i] == '9')
            result[i--] = '0';
        if (i < 0)
            return "1" + new string(result);
        result[i]++;
        return new string(result);
    }
}

internal static unsafe class BitConverterBits
{
    public static ulong DoubleToBits(double value) => *(ulong*)&value;

    public static ulong SingleToBits(float value) => *(uint*)&value;
}
