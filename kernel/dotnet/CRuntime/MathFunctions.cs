using System;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.CRuntime;

// The C library's math functions CoreLib's Math calls (the runtime links libm on Linux).
// Rounding functions are exact bit operations; pow, sin, cos and tan use the x87 unit's
// extended precision (native/classlib.asm), which can differ from glibc in the last bit.
internal static class MathFunctions
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;

    [UnmanagedCallersOnly(EntryPoint = "floor")]
    private static double FloorExport(double x) => Floor(x);

    [UnmanagedCallersOnly(EntryPoint = "floorf")]
    private static float FloatFloor(float x) => (float)Floor(x);

    internal static double Floor(double x)
    {
        double truncated = Truncate(x);
        return truncated > x ? truncated - 1.0 : truncated;
    }

    [UnmanagedCallersOnly(EntryPoint = "ceil")]
    private static double Ceiling(double x)
    {
        double truncated = Truncate(x);
        return truncated < x ? truncated + 1.0 : truncated;
    }

    // float's remainder through double's: both conversions and the remainder are exact.
    [UnmanagedCallersOnly(EntryPoint = "fmodf")]
    private static float FloatRemainder(float x, float y) => (float)uk_fmod(x, y);

    [UnmanagedCallersOnly(EntryPoint = "trunc")]
    private static double Trunc(double x) => Truncate(x);

    [UnmanagedCallersOnly(EntryPoint = "modf")]
    private static unsafe double Modf(double x, double* integral)
    {
        double whole = Truncate(x);
        *integral = whole;
        if (double.IsInfinity(x))
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & long.MinValue);
        double fraction = x - whole;
        // The fraction keeps the sign of x, zero included (-0.0 for negative integers).
        return fraction == 0 ? BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & long.MinValue) : fraction;
    }

    // C99's special cases first (Annex F), then x^y for a positive finite x.
    [UnmanagedCallersOnly(EntryPoint = "pow")]
    private static double PowExport(double x, double y) => Pow(x, y);

    // float's power through double's: C99 gives both the same special cases, and the double
    // result rounds to the float one.
    [UnmanagedCallersOnly(EntryPoint = "powf")]
    private static float FloatPow(float x, float y) => (float)Pow(x, y);

    internal static double Pow(double x, double y)
    {
        if (y == 0 || x == 1)
            return 1;
        if (double.IsNaN(x) || double.IsNaN(y))
            return double.NaN;
        bool yIsInteger = Truncate(y) == y;
        bool yIsOddInteger = yIsInteger && Math.Abs(y) < 9007199254740992.0 && Truncate(y / 2) * 2 != y;
        if (double.IsInfinity(y))
        {
            double magnitude = Math.Abs(x);
            if (magnitude == 1)
                return 1;
            return (magnitude > 1) == (y > 0) ? double.PositiveInfinity : 0;
        }
        if (x == 0 || double.IsInfinity(x))
        {
            // 0^y and inf^y: zero or infinity by the sign of y (inverted for zero), with the
            // sign of x kept for odd integer powers.
            bool infinite = (x == 0) == (y < 0);
            double result = infinite ? double.PositiveInfinity : 0;
            return yIsOddInteger && double.IsNegative(x) ? -result : result;
        }
        if (x < 0)
        {
            if (!yIsInteger)
                return double.NaN;
            double power = uk_x87_pow_positive(-x, y);
            return yIsOddInteger ? -power : power;
        }
        return uk_x87_pow_positive(x, y);
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern double uk_x87_pow_positive(double x, double y);

    [DllImport("*", EntryPoint = "fmod"), SuppressGCTransition]
    private static extern double uk_fmod(double x, double y);

    // Clears the fraction bits below the binary point; keeps the sign of zero, NaN and infinities.
    private static double Truncate(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> MantissaBits) & 0x7FF) - ExponentBias;
        if (exponent >= MantissaBits)
            return x;
        if (exponent < 0)
            return BitConverter.Int64BitsToDouble(bits & long.MinValue);
        long fractionMask = (1L << (MantissaBits - exponent)) - 1;
        return BitConverter.Int64BitsToDouble(bits & ~fractionMask);
    }
}
