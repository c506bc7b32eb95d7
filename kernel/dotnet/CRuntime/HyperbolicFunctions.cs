using System;

namespace Uk.Dotnet.CRuntime;

// sinh, cosh, tanh and their inverses in double-double from e^x and ln x, correctly rounded.
internal static class HyperbolicFunctions
{
    private const double Tiny = 3.725290298461914e-09; // 2^-28: sinh, tanh, asinh, atanh round to x
    private const double Large = 3.273390607896142e150; // 2^500: sqrt(x^2 +- 1) rounds to x
    private const double NegligibleTerm = 1e-34;

    public static double Sinh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || double.IsInfinity(x) || a < Tiny)
            return x;
        double result;
        if (a < 1)
            result = SinhSeries(a).Hi;
        else if (a <= 40)
            result = HalfDifference(Exponential(a)).Hi;
        else
            result = HalfExponential(a);
        return x < 0 ? -result : result;
    }

    public static double Cosh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x))
            return x;
        if (a < Tiny)
            return 1;
        if (a > 40)
            return HalfExponential(a);
        DoubleDouble e = Exponential(a);
        return (e + DoubleDouble.One / e).Scale(0.5).Hi;
    }

    public static double Tanh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || a < Tiny)
            return x;
        double result;
        if (a >= 20)
        {
            result = 1; // 1 - tanh(20) is below half an ulp of 1
        }
        else if (a < 1)
        {
            DoubleDouble sinh = SinhSeries(a);
            result = (sinh / DoubleDouble.Sqrt(DoubleDouble.One + sinh * sinh)).Hi;
        }
        else
        {
            DoubleDouble e = Exponential(a);
            DoubleDouble inverse = DoubleDouble.One / e;
            result = ((e - inverse) / (e + inverse)).Hi;
        }
        return x < 0 ? -result : result;
    }

    public static double Asinh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || double.IsInfinity(x) || a < Tiny)
            return x;
        DoubleDouble result = a > Large
            ? ExponentialFunctions.LogOf(a) + DoubleDouble.Ln2
            : ExponentialFunctions.LogOf(a + DoubleDouble.Sqrt(DoubleDouble.TwoProduct(a, a) + 1.0));
        return x < 0 ? -result.Hi : result.Hi;
    }

    public static double Acosh(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x < 1)
            return double.NaN;
        if (double.IsPositiveInfinity(x))
            return x;
        DoubleDouble result = x > Large
            ? ExponentialFunctions.LogOf(x) + DoubleDouble.Ln2
            : ExponentialFunctions.LogOf(x + DoubleDouble.Sqrt(DoubleDouble.TwoProduct(x, x) - 1.0));
        return result.Hi;
    }

    public static double Atanh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || a < Tiny)
            return x;
        if (a > 1)
            return double.NaN;
        if (a == 1)
            return x > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        double result = ExponentialFunctions.LogOf(DoubleDouble.TwoSum(1.0, a) / DoubleDouble.TwoSum(1.0, -a)).Scale(0.5).Hi;
        return x < 0 ? -result : result;
    }

    // sinh a = a + a^3/3! + a^5/5! + ... for a < 1, free of the cancellation in (e^a - e^-a)/2.
    private static DoubleDouble SinhSeries(double a)
    {
        DoubleDouble a2 = DoubleDouble.TwoProduct(a, a);
        DoubleDouble sum = a;
        DoubleDouble term = a;
        for (int n = 1; n < 40; n++)
        {
            term = term * a2 / ((2.0 * n) * (2 * n + 1));
            sum += term;
            if (Math.Abs(term.Hi) < NegligibleTerm * sum.Hi)
                break;
        }
        return sum;
    }

    // e^a for a <= 40, as one double-double.
    private static DoubleDouble Exponential(double a)
    {
        (DoubleDouble mantissa, int exponent) = ExponentialFunctions.ExpParts(a);
        return mantissa.Scale(ExponentialFunctions.PowerOfTwo(exponent));
    }

    private static DoubleDouble HalfDifference(DoubleDouble e) => (e - DoubleDouble.One / e).Scale(0.5);

    // e^a / 2 for a > 40, where e^-a no longer matters; overflows to infinity past 710.48.
    private static double HalfExponential(double a)
    {
        if (a > 711)
            return double.PositiveInfinity;
        (DoubleDouble mantissa, int exponent) = ExponentialFunctions.ExpParts(a);
        return ExponentialFunctions.ScaleByPowerOfTwo(mantissa.Hi, exponent - 1);
    }
}
