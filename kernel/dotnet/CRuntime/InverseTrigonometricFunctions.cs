using System;

namespace Uk.Dotnet.CRuntime;

// atan, atan2, asin and acos in double-double, correctly rounded; special values as C99
// Annex F specifies them.
internal static class InverseTrigonometricFunctions
{
    private const double Tiny = 7.450580596923828e-09; // 2^-27: f(x) rounds to x below it
    private const double Huge = 1.152921504606847e18; // 2^60
    private const double NegligibleTerm = 1e-34;

    public static double Atan(double x)
    {
        if (double.IsNaN(x) || Math.Abs(x) < Tiny)
            return x;
        // Beyond 2^60, pi/2 - 1/x rounds to pi/2 (and 1/x would overflow the products).
        double angle = Math.Abs(x) > Huge ? DoubleDouble.HalfPi.Hi : FirstQuadrantAngle(Math.Abs(x), 1.0).Hi;
        return x < 0 ? -angle : angle;
    }

    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return x + y;
        double angle;
        if (y == 0)
            angle = x > 0 || (x == 0 && !double.IsNegative(x)) ? 0 : DoubleDouble.Pi.Hi;
        else if (x == 0)
            angle = DoubleDouble.HalfPi.Hi;
        else if (double.IsInfinity(y))
            angle = double.IsInfinity(x) ? (x > 0 ? DoubleDouble.Pi.Hi / 4 : DoubleDouble.Pi.Hi * 0.75) : DoubleDouble.HalfPi.Hi;
        else if (double.IsInfinity(x))
            angle = x > 0 ? 0 : DoubleDouble.Pi.Hi;
        else
            angle = FiniteAngle(Math.Abs(y), x);
        return double.IsNegative(y) ? -angle : angle;
    }

    public static double Asin(double x)
    {
        if (double.IsNaN(x) || Math.Abs(x) < Tiny)
            return x;
        double a = Math.Abs(x);
        if (a > 1)
            return double.NaN;
        double angle = FirstQuadrantAngle(a, CosineOf(a)).Hi;
        return x < 0 ? -angle : angle;
    }

    public static double Acos(double x)
    {
        if (double.IsNaN(x))
            return x;
        double a = Math.Abs(x);
        if (a > 1)
            return double.NaN;
        DoubleDouble angle = FirstQuadrantAngle(CosineOf(a), a);
        return x < 0 ? (DoubleDouble.Pi - angle).Hi : angle.Hi;
    }

    // sqrt(1 - a^2) as sqrt((1 - a)(1 + a)), both factors exact.
    private static DoubleDouble CosineOf(double a) =>
        DoubleDouble.Sqrt(DoubleDouble.TwoSum(1.0, -a) * DoubleDouble.TwoSum(1.0, a));

    // The angle of (x, y) for y > 0 and finite non-zero x, scaled by a power of two so the
    // double-double products cannot overflow.
    private static double FiniteAngle(double y, double x)
    {
        double ax = Math.Abs(x);
        double larger = Math.Max(ax, y);
        double smaller = Math.Min(ax, y);
        DoubleDouble angle;
        if (smaller < larger * 1e-300)
        {
            // One far below the other (scaled, the smaller could be subnormal): the plain
            // quotient is the arctangent, or pi/2 less it.
            angle = y <= ax ? new DoubleDouble(y / ax, 0) : DoubleDouble.HalfPi - ax / y;
        }
        else
        {
            // Two steps: 2^-1023 is not a normal double.
            int exponent = ExponentialFunctions.BinaryExponent(larger);
            double first = ExponentialFunctions.PowerOfTwo(-exponent / 2);
            double second = ExponentialFunctions.PowerOfTwo(-exponent + exponent / 2);
            angle = FirstQuadrantAngle(y * first * second, ax * first * second);
        }
        return x < 0 ? (DoubleDouble.Pi - angle).Hi : angle.Hi;
    }

    // The angle of (x, y) for x, y >= 0, not both zero.
    public static DoubleDouble FirstQuadrantAngle(DoubleDouble y, DoubleDouble x) =>
        y.Hi <= x.Hi ? AtanOfUnit(y / x) : DoubleDouble.HalfPi - AtanOfUnit(x / y);

    // atan t for t in [0, 1]: the angle halved twice (t / (1 + sqrt(1 + t^2))) leaves
    // t <= tan(pi/16), where the alternating series converges fast.
    private static DoubleDouble AtanOfUnit(DoubleDouble t)
    {
        for (int i = 0; i < 2; i++)
            t /= DoubleDouble.One + DoubleDouble.Sqrt(DoubleDouble.One + t * t);
        DoubleDouble t2 = t * t;
        DoubleDouble sum = t;
        DoubleDouble power = t;
        for (int n = 1; n < 60; n++)
        {
            power *= t2;
            DoubleDouble term = power / (2 * n + 1);
            sum = n % 2 == 1 ? sum - term : sum + term;
            if (Math.Abs(term.Hi) < NegligibleTerm * Math.Abs(sum.Hi) || term.Hi == 0)
                break;
        }
        return sum.Scale(4);
    }
}
