using System;
using System.Diagnostics;

namespace Unikraft.Bench.Gc;

// Pause times of the collections a workload caused, as the runtime it runs on reports them.
public interface IPauseRecorder
{
    void Begin();

    // Called after every batch of about 64 KiB allocated.
    void AfterBatch();

    // Pause times in microseconds of the collections since Begin, and their number.
    double[] End();
}

// The benchmark's workloads, compiled unchanged into the guest image and the host program:
// a small-object churn with nothing kept, and the same churn over a large live set.
public static class GcWorkload
{
    private static object?[] s_ring = new object?[16];
    private static int s_next;
    public static object? LiveSet { get; private set; }

    // Prints "bench <name> mbs <MB/s> collections <n> median-us <..> p99-us <..> max-us <..>".
    public static void Churn(string name, long bytes, IPauseRecorder pauses)
    {
        long started = Stopwatch.GetTimestamp();
        pauses.Begin();
        long made = 0;
        int round = 0;
        while (made < bytes)
        {
            long batch = 0;
            while (batch < 64 * 1024)
                batch += One(round++);
            made += batch;
            pauses.AfterBatch();
        }
        double[] pauseMicroseconds = pauses.End();
        double seconds = (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;
        Sort(pauseMicroseconds);
        Console.WriteLine("bench " + name + " mbs " + Fixed(made / 1e6 / seconds) + " collections " + pauseMicroseconds.Length.ToString()
            + " median-us " + Fixed(Percentile(pauseMicroseconds, 50)) + " p99-us " + Fixed(Percentile(pauseMicroseconds, 99))
            + " max-us " + Fixed(pauseMicroseconds.Length == 0 ? 0 : pauseMicroseconds[pauseMicroseconds.Length - 1]));
    }

    // About bytes of objects that stay reachable: a list of nodes each with a 96-byte array.
    public static void BuildLiveSet(long bytes)
    {
        LiveNode? head = null;
        for (long made = 0; made < bytes; made += 32 + 24 + 96)
            head = new LiveNode(head, new byte[96]);
        LiveSet = head;
    }

    // Work with no allocation but with what the collector and allocator do most - loads,
    // stores and calls - to measure how much slower emulation runs such code.
    public static void Calibrate(int iterations)
    {
        var table = new int[16 * 1024];
        long started = Stopwatch.GetTimestamp();
        uint x = 2463534242;
        for (int i = 0; i < iterations; i++)
            x = Step(table, x);
        double seconds = (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;
        Console.WriteLine("bench calibrate ns-per-iteration " + Fixed(seconds * 1e9 / iterations) + " check " + (x % 1000).ToString());
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static uint Step(int[] table, uint x)
    {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        int index = (int)(x & (uint)(table.Length - 1));
        table[index] += (int)x;
        return x + (uint)table[(index + 1) & (table.Length - 1)];
    }

    private static long One(int round)
    {
        switch (round % 4)
        {
            case 0:
                Keep(new ChurnNode(round, new ChurnNode(round + 1, null)));
                return 2 * 32;
            case 1:
                Keep("request " + round.ToString());
                return 64;
            case 2:
                Keep(new byte[(round * 37) % 200 + 1]);
                return 24 + (round * 37) % 200 + 1;
            default:
                var items = new object?[4];
                for (int i = 0; i < items.Length; i++)
                    items[i] = new ChurnNode(i, null);
                Keep(items);
                return 56 + 4 * 32;
        }
    }

    private static void Keep(object value)
    {
        s_ring[s_next] = value;
        s_next = (s_next + 1) & 15;
    }

    // Insertion sort: the guest's corlib has no Array.Sort, and there are at most a few
    // thousand pauses.
    private static void Sort(double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double value = values[i];
            int j = i - 1;
            for (; j >= 0 && values[j] > value; j--)
                values[j + 1] = values[j];
            values[j + 1] = value;
        }
    }

    private static double Percentile(double[] sorted, int percent)
    {
        if (sorted.Length == 0)
            return 0;
        int index = (sorted.Length * percent + 99) / 100 - 1;
        return sorted[index < 0 ? 0 : index];
    }

    // Three decimals, written the same way on the host and in the guest.
    public static string Fixed(double value)
    {
        long thousandths = (long)(value * 1000 + 0.5);
        string fraction = (thousandths % 1000).ToString();
        while (fraction.Length < 3)
            fraction = "0" + fraction;
        return (thousandths / 1000).ToString() + "." + fraction;
    }

    private sealed class ChurnNode
    {
        public ChurnNode(int value, ChurnNode? next)
        {
            Value = value;
            Next = next;
        }

        public int Value;
        public ChurnNode? Next;
    }

    private sealed class LiveNode
    {
        public LiveNode(LiveNode? next, byte[] data)
        {
            Next = next;
            Data = data;
        }

        public LiveNode? Next;
        public byte[] Data;
    }
}
