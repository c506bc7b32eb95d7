using System;
using System.Runtime.CompilerServices;

namespace TypeSystem;

// Each check prints "ok <name>" or "FAIL <name>: <detail>"; the boot test reads them.
public static class Checks
{
    private static int s_failures;

    public static int Failures => s_failures;

    public static void Equal(string name, string expected, string? actual)
    {
        if (expected == actual)
            Console.WriteLine("ok " + name);
        else
            Fail(name, "expected '" + expected + "', got '" + actual + "'");
    }

    public static void Equal(string name, long expected, long actual)
    {
        if (expected == actual)
            Console.WriteLine("ok " + name);
        else
            Fail(name, "expected " + expected.ToString() + ", got " + actual.ToString());
    }

    public static void True(string name, bool condition)
    {
        if (condition)
            Console.WriteLine("ok " + name);
        else
            Fail(name, "condition was false");
    }

    private static void Fail(string name, string detail)
    {
        s_failures++;
        Console.WriteLine("FAIL " + name + ": " + detail);
    }

    // Hides a value's static type from the optimiser so casts are decided at run time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object Opaque(object value) => value;
}
