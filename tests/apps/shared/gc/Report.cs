using System;

namespace GcTests;

internal static class Report
{
    public static int Failures;

    public static void Check(bool condition, string what)
    {
        if (!condition)
            Failures++;
        Console.WriteLine((condition ? "ok: " : "FAIL: ") + what);
    }
}
