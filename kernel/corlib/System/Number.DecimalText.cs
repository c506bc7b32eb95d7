namespace System;

// A number as decimal digits: Digits (no leading zeros, "0" for zero) with the first digit at
// 10^Exponent. Renders .NET's standard numeric formats with invariant-culture symbols.
// Rounding is on the exact digits, as .NET Core 3.0 and later do: half away from zero for
// integers, and for floating-point values an exact tie goes to the even digit.
internal readonly struct DecimalText
{
    public readonly string Digits;
    public readonly int Exponent;
    public readonly bool Negative;
    private readonly bool _tiesToEven;

    public DecimalText(string digits, int exponent, bool negative, bool tiesToEven = false)
    {
        Digits = digits;
        Exponent = exponent;
        Negative = negative;
        _tiesToEven = tiesToEven;
    }

    public bool IsZero => Digits == "0";

    // Kept to `count` significant digits (at least one).
    public DecimalText RoundToSignificant(int count) => RoundToDigitCount(count);

    // Kept to the digits at 10^-decimals and above.
    public DecimalText RoundToDecimals(int decimals)
    {
        int keep = Exponent + decimals + 1;
        if (keep < 0)
            return new DecimalText("0", 0, Negative);
        if (keep == 0)
            return RoundsUp(0, previousDigit: '0') ? new DecimalText("1", -decimals, Negative, _tiesToEven) : new DecimalText("0", 0, Negative, _tiesToEven);
        return RoundToDigitCount(keep);
    }

    // Whether dropping the digits from `index` on rounds the kept ones up.
    private bool RoundsUp(int index, char previousDigit)
    {
        if (IsZero || index >= Digits.Length || Digits[index] < '5')
            return false;
        if (Digits[index] > '5' || !_tiesToEven)
            return true;
        // Digits carry no trailing zeros: a '5' that is the last digit is an exact tie.
        return index + 1 < Digits.Length || (previousDigit - '0') % 2 == 1;
    }

    private DecimalText RoundToDigitCount(int keep)
    {
        if (keep >= Digits.Length)
            return this;
        char[] digits = Digits.Substring(0, keep).ToCharArray();
        if (RoundsUp(keep, Digits[keep - 1]))
        {
            int i = keep - 1;
            while (i >= 0 && digits[i] == '9')
                digits[i--] = '0';
            if (i < 0)
                return new DecimalText("1", Exponent + 1, Negative, _tiesToEven);
            digits[i]++;
        }
        return new DecimalText(TrimTrailingZeros(new string(digits)), Exponent, Negative, _tiesToEven);
    }

    public static string TrimTrailingZeros(string digits)
    {
        int end = digits.Length;
        while (end > 1 && digits[end - 1] == '0')
            end--;
        return end == digits.Length ? digits : digits.Substring(0, end);
    }

    private char DigitAt(int power)
    {
        int index = Exponent - power;
        return index >= 0 && index < Digits.Length && !IsZero ? Digits[index] : '0';
    }

    // "F"/"N": the integer part (grouped by thousands for "N") and exactly `decimals` digits.
    public string Fixed(int decimals, bool grouped)
    {
        DecimalText rounded = RoundToDecimals(decimals);
        var text = new Text.ValueBuilder();
        if (Negative)
            text.Append('-');
        int top = rounded.IsZero || rounded.Exponent < 0 ? 0 : rounded.Exponent;
        for (int power = top; power >= 0; power--)
        {
            text.Append(rounded.DigitAt(power));
            if (grouped && power > 0 && power % 3 == 0)
                text.Append(',');
        }
        if (decimals > 0)
        {
            text.Append('.');
            for (int power = -1; power >= -decimals; power--)
                text.Append(rounded.DigitAt(power));
        }
        return text.ToString();
    }

    // "E": one digit, `decimals` more, and a signed exponent of at least `exponentDigits`.
    public string Scientific(int decimals, char symbol, int exponentDigits)
    {
        DecimalText rounded = RoundToSignificant(decimals + 1);
        var text = new Text.ValueBuilder();
        if (Negative)
            text.Append('-');
        text.Append(rounded.Digits[0]);
        if (decimals > 0)
        {
            text.Append('.');
            for (int i = 1; i <= decimals; i++)
                text.Append(i < rounded.Digits.Length ? rounded.Digits[i] : '0');
        }
        AppendExponent(ref text, rounded.IsZero ? 0 : rounded.Exponent, symbol, exponentDigits);
        return text.ToString();
    }

    // "G" (and the shortest round-trip form): the digits as they are, in fixed notation unless
    // the exponent reaches `precision` or falls below -4.
    public string General(int precision, char symbol)
    {
        var text = new Text.ValueBuilder();
        if (Negative)
            text.Append('-');
        int exponent = IsZero ? 0 : Exponent;
        if (exponent >= precision || exponent < -4)
        {
            text.Append(Digits[0]);
            if (Digits.Length > 1)
            {
                text.Append('.');
                text.Append(Digits.AsSpan(1));
            }
            AppendExponent(ref text, exponent, symbol, 2);
            return text.ToString();
        }
        if (exponent < 0)
        {
            text.Append("0.");
            for (int i = -1; i > exponent; i--)
                text.Append('0');
            text.Append(Digits);
            return text.ToString();
        }
        for (int power = exponent; power >= 0; power--)
            text.Append(DigitAt(power));
        if (Digits.Length > exponent + 1)
        {
            text.Append('.');
            text.Append(Digits.AsSpan(exponent + 1));
        }
        return text.ToString();
    }

    private static void AppendExponent(ref Text.ValueBuilder text, int exponent, char symbol, int minDigits)
    {
        text.Append(symbol);
        text.Append(exponent < 0 ? '-' : '+');
        string digits = ((uint)(exponent < 0 ? -exponent : exponent)).ToString();
        for (int i = digits.Length; i < minDigits; i++)
            text.Append('0');
        text.Append(digits);
    }
}
