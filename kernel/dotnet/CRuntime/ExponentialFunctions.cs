using System;

namespace Uk.Dotnet.CRuntime;

// exp, log, log2, log10 and cbrt, computed in double-double so the result is correctly
// rounded. Series are summed until their terms stop mattering at ~2^-110.
internal static class ExponentialFunctions
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double NegligibleTerm = 1e-34;

    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x > 710)
            return double.PositiveInfinity;
        if (x < -746)
            return 0;
        (DoubleDouble mantissa, int exponent) = ExpParts(x);
        return ScaleByPowerOfTwo(mantissa.Hi, exponent);
    }

    public static double Log(double x) => LogSpecial(x) ?? LogOf(x).Hi;

    public static double Log2(double x) => LogSpecial(x) ?? (LogOf(x) * DoubleDouble.InverseLn2).Hi;

    public static double Log10(double x) => LogSpecial(x) ?? (LogOf(x) * DoubleDouble.InverseLn10).Hi;

    public static double Cbrt(double x)
    {
        if (x == 0 || !double.IsFinite(x))
            return x;
        (DoubleDouble mantissa, int exponent) = ExpParts(LogOf(Math.Abs(x)) / 3.0);
        double root = ScaleByPowerOfTwo(mantissa.Hi, exponent);
        return x < 0 ? -root : root;
    }

    // e^x = mantissa * 2^exponent, mantissa in [0.7, 1.42]: x = k ln2 + r with |r| <= ln2/2,
    // then the Taylor series of e^r.
    public static (DoubleDouble Mantissa, int Exponent) ExpParts(DoubleDouble x)
    {
        double scaled = x.Hi * DoubleDouble.InverseLn2.Hi;
        int k = (int)(scaled + (scaled >= 0 ? 0.5 : -0.5));
        DoubleDouble r = x - DoubleDouble.Ln2 * k;
        DoubleDouble sum = DoubleDouble.One;
        DoubleDouble term = DoubleDouble.One;
        for (int n = 1; n < 60; n++)
        {
            term = term * r / n;
            sum += term;
            if (Math.Abs(term.Hi) < NegligibleTerm)
                break;
        }
        return (sum, k);
    }

    // ln x for a positive finite x: x = m 2^e with m in [sqrt(1/2), sqrt(2)), and
    // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...) with s = (m - 1) / (m + 1), |s| < 0.172.
    public static DoubleDouble LogOf(DoubleDouble x)
    {
        int exponent = 0;
        if (x.Hi < 1e-300)
        {
            x = x.Scale(PowerOfTwo(600));
            exponent = -600;
        }
        int binaryExponent = BinaryExponent(x.Hi);
        DoubleDouble m = x.Scale(PowerOfTwo(-binaryExponent / 2)).Scale(PowerOfTwo(-binaryExponent + binaryExponent / 2));
        exponent += binaryExponent;
        if (m.Hi > Sqrt2)
        {
            m = m.Scale(0.5);
            exponent++;
        }
        DoubleDouble s = (m - 1.0) / (m + 1.0);
        DoubleDouble s2 = s * s;
        DoubleDouble sum = s;
        DoubleDouble power = s;
        for (int n = 1; n < 60; n++)
        {
            power *= s2;
            DoubleDouble term = power / (2 * n + 1);
            sum += term;
            if (Math.Abs(term.Hi) < NegligibleTerm * Math.Abs(sum.Hi))
                break;
        }
        return DoubleDouble.Ln2 * exponent + sum.Scale(2);
    }

    // C99 Annex F for the logarithms; null for a positive finite x.
    private static double? LogSpecial(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x < 0)
            return double.NaN;
        if (x == 0)
            return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x))
            return x;
        return null;
    }

    // value * 2^exponent, rounded once while the result is normal (scalbn's way).
    public static double ScaleByPowerOfTwo(double value, int exponent)
    {
        if (exponent > 1023)
        {
            value *= PowerOfTwo(1023);
            exponent -= 1023;
            if (exponent > 1023)
                exponent = 1023;
        }
        else if (exponent < -1022)
        {
            // Down to 2^-969 first: exact while the value stays normal, then one rounding.
            value *= PowerOfTwo(-969);
            exponent += 969;
            if (exponent < -1022)
            {
                value *= PowerOfTwo(-969);
                exponent += 969;
                if (exponent < -1022)
                    exponent = -1022;
            }
        }
        return value * PowerOfTwo(exponent);
    }

    // The exponent of a normal double: x in [2^e, 2^(e+1)).
    public static int BinaryExponent(double x) => (int)((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF) - 1023;

    // 2^exponent for a normal exponent (-1022..1023), built from its bits.
    public static double PowerOfTwo(int exponent) => BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52);
}
