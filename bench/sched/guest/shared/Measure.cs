using System;
using Uk.Core;

namespace SchedBench;

// Rounds of a measurement and the line the host harness parses:
// "bench <name> <median cycles per operation> min <..> max <..>" (one decimal), or
// "bench <name> n/a <reason>" when the image cannot measure it.
internal static class Measure
{
    public const int Rounds = 7;

    public static ulong Now() => Plat.ReadTimestampCounter();

    // cycles[i] is round i's total over `operations` operations.
    public static void Report(string name, ulong[] cycles, ulong operations)
    {
        var tenths = new ulong[cycles.Length];
        for (int i = 0; i < cycles.Length; i++)
            tenths[i] = (cycles[i] * 10 + operations / 2) / operations;
        Sort(tenths);
        Console.WriteLine("bench " + name + " " + Tenths(tenths[tenths.Length / 2])
            + " min " + Tenths(tenths[0]) + " max " + Tenths(tenths[tenths.Length - 1]));
    }

    public static void NotAvailable(string name, string reason) =>
        Console.WriteLine("bench " + name + " n/a " + reason);

    public static string Tenths(ulong tenths) => (tenths / 10).ToString() + "." + (tenths % 10).ToString();

    private static void Sort(ulong[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            ulong value = values[i];
            int j = i - 1;
            for (; j >= 0 && values[j] > value; j--)
                values[j + 1] = values[j];
            values[j + 1] = value;
        }
    }
}
