using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Unikraft.Bench.Bcl;

// Microbenchmarks of the base class library, compiled unchanged into the guest image (on .NET's
// own CoreLib, the `dotnet` library) and the host program. Each prints
// "bench <name> ops-per-s <rate> check <value>"; the check is the same on both sides, so the two
// did the same work.
public static class BclWorkload
{
    public static void RunAll(double seconds)
    {
        Measure("linq", seconds, Linq);
        Measure("dictionary", seconds, Dictionary);
        Measure("format", seconds, Format);
        Measure("stringbuilder", seconds, Builder);
        Measure("alloc", seconds, Allocate);
    }

    private static readonly int[] s_numbers = Enumerable.Range(0, 1000).Select(i => (i * 7919) % 1000).ToArray();
    private static readonly string[] s_keys = Enumerable.Range(0, 1000).Select(i => "key" + i.ToString()).ToArray();
    private static object?[] s_kept = new object?[16];

    // Runs the operation in rounds until about `seconds` have passed; the rate is operations
    // per second, the check a sum of the operations' results.
    private static void Measure(string name, double seconds, Func<int, long> operation)
    {
        long check = 0;
        for (int i = 0; i < 3; i++)
            check += operation(i);
        long started = Stopwatch.GetTimestamp();
        long deadline = started + (long)(seconds * Stopwatch.Frequency);
        long operations = 0;
        check = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            for (int i = 0; i < 16; i++)
                check += operation((int)(operations++ & 1023));
        }
        double elapsed = (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;
        long perRound = 0;
        for (int i = 0; i < 16; i++)
            perRound += operation(i);
        Console.WriteLine("bench " + name + " ops-per-s " + (operations / elapsed).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " check " + perRound.ToString());
    }

    // Filter, project, sort, group and aggregate 1,000 integers.
    private static long Linq(int round)
    {
        long sum = s_numbers.Where(n => (n + round) % 3 == 0).Select(n => (long)n * 2).Sum();
        int top = s_numbers.OrderByDescending(n => n ^ round).Take(10).Sum();
        int groups = s_numbers.GroupBy(n => n % 7).Count(g => g.Count() > 100);
        return sum + top + groups;
    }

    // Fill a 1,000-entry dictionary with string keys, look each up, then remove half.
    private static long Dictionary(int round)
    {
        var map = new Dictionary<string, int>();
        for (int i = 0; i < s_keys.Length; i++)
            map[s_keys[i]] = i + round;
        long total = 0;
        for (int i = 0; i < s_keys.Length; i++)
        {
            if (map.TryGetValue(s_keys[(i * 31) % s_keys.Length], out int value))
                total += value;
        }
        for (int i = 0; i < s_keys.Length; i += 2)
            map.Remove(s_keys[i]);
        return total + map.Count;
    }

    // Composite formatting and interpolation of integers, doubles and hex.
    private static long Format(int round)
    {
        long length = 0;
        for (int i = 0; i < 20; i++)
        {
            length += string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} items at {1:F2} ({2:X8})", i + round, (i + round) * 1.25, i * 977).Length;
            length += $"{round}/{i,5}: {i * 0.5:0.###}".Length;
        }
        return length;
    }

    // Append characters, integers and strings, then materialise the string.
    private static long Builder(int round)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 100; i++)
            builder.Append('[').Append(i + round).Append("] ").Append(s_keys[i]).AppendLine();
        return builder.ToString().Length;
    }

    // Allocation throughput: about 8 KiB of small objects, strings and arrays per operation,
    // only the last 16 kept.
    private static long Allocate(int round)
    {
        long bytes = 0;
        for (int i = 0; i < 64; i++)
        {
            object value = (i & 3) switch
            {
                0 => new List<int>(4) { i },
                1 => new byte[(i * 37 + round) % 200 + 1],
                2 => "item " + i.ToString(),
                _ => new object?[4],
            };
            s_kept[i & 15] = value;
            bytes += 64;
        }
        return bytes;
    }
}
