using System;

namespace Uk.Dotnet.CRuntime;

// fma(x, y, z): x * y + z with one rounding. The product (106 bits) and z are lined up in a
// 128-bit integer with their leading bits at bit 124; what a right shift drops is kept as a
// sticky bit, so the sum rounds as the exact value would.
internal static class FusedMultiplyAdd
{
    private const int LeadingBit = 124;

    public static double Compute(double x, double y, double z)
    {
        // Zeros, infinities and NaN: the plain expression gives C99's answers (the product of
        // a zero is exact), as does a zero z (the product is rounded once); an infinite z
        // wins over a finite product even where that product would overflow.
        if (double.IsInfinity(z) && double.IsFinite(x) && double.IsFinite(y))
            return z;
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(z) || x == 0 || y == 0 || z == 0)
            return x * y + z;
        (bool xNegative, ulong xMantissa, int xExponent) = Decompose(x);
        (bool yNegative, ulong yMantissa, int yExponent) = Decompose(y);
        (bool zNegative, ulong zMantissa, int zExponent) = Decompose(z);
        (UInt128 product, int productExponent) = Normalize((UInt128)xMantissa * yMantissa, xExponent + yExponent);
        (UInt128 addend, int addendExponent) = Normalize(zMantissa, zExponent);
        bool productNegative = xNegative != yNegative;

        bool productLarger = productExponent > addendExponent || (productExponent == addendExponent && product >= addend);
        (UInt128 large, int exponent, bool negative) = productLarger ? (product, productExponent, productNegative) : (addend, addendExponent, zNegative);
        (UInt128 small, int smallExponent) = productLarger ? (addend, addendExponent) : (product, productExponent);
        small = ShiftRightSticky(small, exponent - smallExponent);
        UInt128 sum = negative == (productLarger ? zNegative : productNegative) ? large + small : large - small;
        if (sum == UInt128.Zero)
            return 0.0; // an exact zero from opposite signs is +0 when rounding to nearest
        return Round(sum, exponent, negative);
    }

    // |v| = mantissa * 2^exponent with an integer mantissa.
    private static (bool Negative, ulong Mantissa, int Exponent) Decompose(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = (ulong)bits & 0xF_FFFF_FFFF_FFFFUL;
        return biased == 0 ? (bits < 0, fraction, -1074) : (bits < 0, fraction | (1UL << 52), biased - 1075);
    }

    private static (UInt128 Mantissa, int Exponent) Normalize(UInt128 mantissa, int exponent)
    {
        int shift = LeadingBit - BitLength(mantissa) + 1;
        return (mantissa << shift, exponent - shift);
    }

    private static UInt128 ShiftRightSticky(UInt128 value, int count)
    {
        if (count == 0)
            return value;
        if (count >= 127)
            return value == UInt128.Zero ? UInt128.Zero : UInt128.One;
        UInt128 dropped = value & ((UInt128.One << count) - 1);
        return (value >> count) | (dropped == UInt128.Zero ? UInt128.Zero : UInt128.One);
    }

    // value * 2^exponent to the nearest double (ties to even), subnormals rounded once.
    private static double Round(UInt128 value, int exponent, bool negative)
    {
        int top = BitLength(value) - 1;
        int leadingExponent = top + exponent;
        double signedInfinity = negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (leadingExponent > 1023)
            return signedInfinity;
        bool normal = leadingExponent >= -1022;
        int shift = normal ? top - 52 : -1074 - exponent;
        ulong mantissa;
        if (shift <= 0)
        {
            mantissa = (ulong)(value << -shift);
        }
        else if (shift > 126)
        {
            mantissa = 0;
        }
        else
        {
            mantissa = (ulong)(value >> shift);
            UInt128 remainder = value & ((UInt128.One << shift) - 1);
            UInt128 half = UInt128.One << (shift - 1);
            if (remainder > half || (remainder == half && (mantissa & 1) == 1))
                mantissa++;
        }
        long bits;
        if (normal)
        {
            if (mantissa == 1UL << 53)
            {
                mantissa >>= 1;
                leadingExponent++;
                if (leadingExponent > 1023)
                    return signedInfinity;
            }
            bits = ((long)(leadingExponent + 1023) << 52) | (long)(mantissa & 0xF_FFFF_FFFF_FFFFUL);
        }
        else
        {
            bits = (long)mantissa; // a carry into bit 52 is the smallest normal, as it should be
        }
        return BitConverter.Int64BitsToDouble(negative ? bits | long.MinValue : bits);
    }

    private static int BitLength(UInt128 value) => 128 - (int)UInt128.LeadingZeroCount(value);
}
