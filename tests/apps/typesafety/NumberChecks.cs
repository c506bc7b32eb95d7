using System;

namespace TypeSafety;

public static class NumberChecks
{
    public static void Run()
    {
        Report.Try("int.Parse overflow", () => int.Parse("99999999999").ToString());
        Report.Try("int.Parse max", () => int.Parse("2147483647").ToString());
        Report.Try("int.Parse max+1", () => int.Parse("2147483648").ToString());
        Report.Try("int.Parse min", () => int.Parse("-2147483648").ToString());
        Report.Try("int.Parse min-1", () => int.Parse("-2147483649").ToString());
        Report.Try("int.Parse spaces", () => int.Parse("  12  ").ToString());
        Report.Try("int.Parse plus", () => int.Parse("+12").ToString());
        Report.Try("int.Parse empty", () => int.Parse("").ToString());
        Report.Try("int.Parse letters", () => int.Parse("12a").ToString());
        Report.Try("long.Parse overflow", () => long.Parse("9223372036854775808").ToString());
        Report.Try("long.Parse min", () => long.Parse("-9223372036854775808").ToString());
        Report.Try("uint.Parse negative", () => uint.Parse("-1").ToString());
        Report.Try("byte.Parse 256", () => byte.Parse("256").ToString());
        Report.Try("int.TryParse overflow", () => int.TryParse("99999999999", out int v) ? "parsed " + v.ToString() : "refused " + v.ToString());
        Report.Try("ulong.Parse max", () => ulong.Parse("18446744073709551615").ToString());
        Report.Try("ulong.Parse max+1", () => ulong.Parse("18446744073709551616").ToString());

        double[] values = { 0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1.0 / 3.0, 1e21, 1e20, 1.5e-7, 1e-5, 0.0001, 123456789012345680.0, 1e15, 1e16, 1e17, double.MaxValue, double.Epsilon, double.MinValue, 2.5, 1234.5678, 5e-324, 6.02214076e23, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
        foreach (double value in values)
            Report.Line("double " + BitsOf(value), value.ToString());
        float[] singles = { 0.1f, 1.0f / 3.0f, 16777216f, 1e-10f, float.MaxValue, 3.14159274f };
        foreach (float value in singles)
            Report.Line("float " + BitsOf(value), value.ToString());
        double d = 3.14159;
        Report.Line("interpolated F2", $"{d:F2}");
        Report.Line("interpolated F0", $"{d:F0}");
        Report.Line("interpolated N2", $"{1234567.891:N2}");
        Report.Line("double F3 rounding", 2.0005.ToString("F3"));
        Report.Line("double F2 half", 0.125.ToString("F2"));
        Report.Line("double F0 half", 2.5.ToString("F0"));
        Report.Line("double F20", 0.1.ToString("F20"));
        Report.Line("double E", 1234.5678.ToString("E"));
        Report.Line("double e3", 0.00012345.ToString("e3"));
        Report.Line("double G17", 0.1.ToString("G17"));
        Report.Line("double G3", 1234.5678.ToString("G3"));
        Report.Line("double G3 small", 0.000012345.ToString("G3"));
        Report.Line("double R", (1.0 / 7.0).ToString("R"));
        Report.Line("double N3 negative", (-9876543.21).ToString("N3"));
        Report.Line("double F2 tiny negative", (-0.001).ToString("F2"));
        Report.Line("double F1 big", 1e22.ToString("F1"));
        Report.Line("float F4", 3.14159274f.ToString("F4"));
        Report.Line("int F2", 42.ToString("F2"));
        Report.Line("int E2", 123456.ToString("E2"));
        Report.Line("int D5", 42.ToString("D5"));
        Report.Line("int X", 255.ToString("X"));
        Report.Line("int x8", 255.ToString("x8"));
        Report.Line("int N0", 1234567.ToString("N0"));
        Report.Line("negative int", (-42).ToString());
        Report.Line("long min", long.MinValue.ToString());
    }

    private static string BitsOf(double value) => BitConverterBits(value);

    private static string BitsOf(float value) => ((double)value).ToString() == "" ? "" : BitConverterBits(value);

    // A name for each value that does not depend on formatting doubles.
    private static unsafe string BitConverterBits(double value)
    {
        long bits = *(long*)&value;
        return "0x" + bits.ToString("X16");
    }
}
