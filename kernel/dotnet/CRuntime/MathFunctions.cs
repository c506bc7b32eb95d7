using System;
using System.Runtime.InteropServices;
using Uk.Dotnet.Runtime;

namespace Uk.Dotnet.CRuntime;

// The C library's math functions CoreLib's Math calls (the runtime links libm on Linux).
// Rounding functions are exact bit operations; the transcendental ones are not served yet.
internal static class MathFunctions
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;

    [UnmanagedCallersOnly(EntryPoint = "floor")]
    private static double Floor(double x)
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

    [UnmanagedCallersOnly(EntryPoint = "pow")]
    private static double Pow(double x, double y) => Unserved.Fail("pow (Math.Pow)");

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
