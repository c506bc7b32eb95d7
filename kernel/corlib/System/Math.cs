namespace System;

public static class Math
{
    public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;
    public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;
    public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;
    public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;
    public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;
    public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;
    public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;
    public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;
    public static double Min(double val1, double val2) => val1 <= val2 ? val1 : val2;
    public static double Max(double val1, double val2) => val1 >= val2 ? val1 : val2;

    public static int Abs(int value)
    {
        if (value == int.MinValue)
            throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        return value < 0 ? -value : value;
    }

    public static long Abs(long value)
    {
        if (value == long.MinValue)
            throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        return value < 0 ? -value : value;
    }

    public static double Abs(double value) => value < 0 ? -value : value;

    public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

    public static int DivRem(int a, int b, out int result)
    {
        int quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }
}
