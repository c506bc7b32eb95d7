using System;
using System.Runtime.CompilerServices;

namespace ExceptionTests;

internal static class Report
{
    public static int Failures;

    public static void Check(bool condition, string what)
    {
        if (!condition)
            Failures++;
        Console.WriteLine((condition ? "ok: " : "FAIL: ") + what);
    }

    // Hides a value from the compiler, so nothing is folded or proven in advance.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T Opaque<T>(T value) => value;
}
