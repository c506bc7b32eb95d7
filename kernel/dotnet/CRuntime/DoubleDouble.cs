using System;

namespace Uk.Dotnet.CRuntime;

// A number held as the unevaluated sum of two doubles (about 106 bits of significand): the
// C library's transcendental functions are computed in it so that the double they return is
// the correctly rounded one (barring values within ~2^-100 of a rounding boundary). Every
// operation is plain IEEE double arithmetic (no fused multiply-add: the image claims no CPU
// features). Hi is always the double nearest to Hi + Lo.
internal readonly struct DoubleDouble(double hi, double lo)
{
    // 2^27 + 1: splits a double into two halves whose products are exact (Dekker).
    private const double Splitter = 134217729.0;

    public readonly double Hi = hi;
    public readonly double Lo = lo;

    public static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);
    public static readonly DoubleDouble InverseLn2 = new(1.4426950408889634, 2.0355273740931033e-17);
    public static readonly DoubleDouble InverseLn10 = new(0.4342944819032518, 1.098319650216765e-17);
    public static readonly DoubleDouble Pi = new(3.141592653589793, 1.2246467991473532e-16);
    public static readonly DoubleDouble HalfPi = new(1.5707963267948966, 6.123233995736766e-17);
    public static readonly DoubleDouble One = new(1.0, 0.0);

    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble high = TwoSum(a.Hi, b.Hi);
        DoubleDouble low = TwoSum(a.Lo, b.Lo);
        DoubleDouble sum = FastTwoSum(high.Hi, high.Lo + low.Hi);
        return FastTwoSum(sum.Hi, sum.Lo + low.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble product = TwoProduct(a.Hi, b.Hi);
        return FastTwoSum(product.Hi, product.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    // Long division: three quotient digits, each correcting the remainder of the last.
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble remainder = a - b * q1;
        double q2 = remainder.Hi / b.Hi;
        remainder -= b * q2;
        double q3 = remainder.Hi / b.Hi;
        DoubleDouble quotient = FastTwoSum(q1, q2);
        return quotient + q3;
    }

    // Multiplying by a power of two is exact (no overflow or underflow in the callers' ranges).
    public DoubleDouble Scale(double powerOfTwo) => new(Hi * powerOfTwo, Lo * powerOfTwo);

    // One Newton step from the double square root doubles its precision.
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0)
            return new DoubleDouble(Math.Sqrt(a.Hi), 0.0);
        double root = Math.Sqrt(a.Hi);
        DoubleDouble square = TwoProduct(root, root);
        double correction = (a - square).Hi / (2 * root);
        return FastTwoSum(root, correction);
    }

    // a + b exactly, for any a and b.
    public static DoubleDouble TwoSum(double a, double b)
    {
        double sum = a + b;
        double bVirtual = sum - a;
        double aVirtual = sum - bVirtual;
        return new DoubleDouble(sum, (a - aVirtual) + (b - bVirtual));
    }

    // a + b exactly, when |a| >= |b| (or a is zero).
    private static DoubleDouble FastTwoSum(double a, double b)
    {
        double sum = a + b;
        return new DoubleDouble(sum, b - (sum - a));
    }

    // a * b exactly (for |a|, |b| below 2^996 and a product that does not underflow).
    public static DoubleDouble TwoProduct(double a, double b)
    {
        double product = a * b;
        (double aHigh, double aLow) = Split(a);
        (double bHigh, double bLow) = Split(b);
        double error = ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
        return new DoubleDouble(product, error);
    }

    private static (double High, double Low) Split(double a)
    {
        double scaled = Splitter * a;
        double high = scaled - (scaled - a);
        return (high, a - high);
    }
}
