using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Uk.Alloc;
using Uk.Alloc.Buddy;
using Uk.Alloc.Region;
using Uk.Alloc.Tlsf;

namespace Unikraft.Bench.Alloc;

// dotnet run -c Release --project bench/alloc [-- --host-only]
// Throughput: alloc+free pairs per second over a pre-faulted buffer (median of runs after a
// warm-up). Initialisation: AddRegion over untouched virtual ranges of 32 MiB, 512 MiB and
// 3 GiB (median per call), which shows whether set-up grows with the memory size.
public static unsafe class Program
{
    private const int Pairs = 2_000_000;
    private const int Runs = 7;
    private const nuint HeapBytes = (nuint)1 << 30;

    private static readonly (string Name, Func<IAllocator> Create)[] Allocators =
    {
        ("ukallocbuddy", () => new BuddyAllocator()),
        ("ukalloctlsf", () => new TlsfAllocator()),
        ("ukallocregion", () => new RegionAllocator()),
    };

    public static int Main(string[] args)
    {
        int host = RunHost();
        if (host != 0 || Array.IndexOf(args, "--host-only") >= 0)
            return host;
        Console.WriteLine();
        return GuestBench.Run(RepositoryRoot());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new System.IO.DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "global.json")))
                return directory.FullName;
        }
        throw new InvalidOperationException("run the benchmark inside the repository");
    }

    private static int RunHost()
    {
        Console.WriteLine("alloc bench: " + Pairs + " pairs x " + Runs + " runs, " + Workload.Slots + " live slots, .NET " + Environment.Version);
        var workload = new Workload(Pairs, seed: 42);
        byte* heap = (byte*)NativeMemory.AlignedAlloc(HeapBytes, 4096);
        for (nuint i = 0; i < HeapBytes; i += 4096)
            heap[i] = 0; // fault every page in once, so no allocator pays for first touches

        nuint[] initSizes = { (nuint)32 << 20, (nuint)512 << 20, (nuint)3 << 30 };
        var rows = new List<(string Name, double PairsPerSecond, double[] InitNanoseconds)>();
        foreach ((string name, Func<IAllocator> create) in Allocators)
        {
            double pairsPerSecond = MeasureThroughput(create, workload, heap);
            var init = new double[initSizes.Length];
            for (int i = 0; i < initSizes.Length; i++)
                init[i] = MeasureInit(create, initSizes[i]);
            rows.Add((name, pairsPerSecond, init));
        }
        NativeMemory.AlignedFree(heap);

        double baseline = rows[0].PairsPerSecond;
        Console.WriteLine();
        Console.WriteLine("host (.NET " + Environment.Version + "), medians:");
        Console.WriteLine("| allocator | alloc+free pairs/s | ratio | init 32M | init 512M | init 3G |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
            Console.WriteLine("| " + row.Name + " | " + (row.PairsPerSecond / 1e6).ToString("0.0") + " M | " + (row.PairsPerSecond / baseline).ToString("0.00") + "x | "
                + Nanoseconds(row.InitNanoseconds[0]) + " | " + Nanoseconds(row.InitNanoseconds[1]) + " | " + Nanoseconds(row.InitNanoseconds[2]) + " |");
        return 0;
    }

    private static double MeasureThroughput(Func<IAllocator> create, Workload workload, byte* heap)
    {
        var results = new double[Runs];
        RunPairs(create, workload, heap); // warm-up: JIT tiers, caches
        for (int run = 0; run < Runs; run++)
            results[run] = RunPairs(create, workload, heap);
        Array.Sort(results);
        return results[Runs / 2];
    }

    // One run on a fresh allocator over the whole buffer; returns pairs per second.
    private static double RunPairs(Func<IAllocator> create, Workload workload, byte* heap)
    {
        IAllocator allocator = create();
        allocator.AddRegion(heap, HeapBytes);
        void** slots = stackalloc void*[Workload.Slots];
        for (int i = 0; i < Workload.Slots; i++)
            slots[i] = allocator.Allocate((nuint)workload.Sizes[i]);
        int[] sizes = workload.Sizes, picks = workload.Picks;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < sizes.Length; i++)
        {
            int slot = picks[i];
            allocator.Free(slots[slot]);
            void* block = allocator.Allocate((nuint)sizes[i]);
            if (block == null)
                throw new InvalidOperationException(allocator.Name + " ran out of memory in the benchmark");
            *(byte*)block = 1; // touch it, as a caller would
            slots[slot] = block;
        }
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return sizes.Length / seconds;
    }

    // Median time of one AddRegion over an untouched virtual range, on fresh allocators.
    private static double MeasureInit(Func<IAllocator> create, nuint length)
    {
        const int Calls = 101;
        byte* range = (byte*)NativeMemory.Alloc(length); // reserved, not touched (mmap)
        var allocators = new IAllocator[Calls];
        var results = new double[Calls];
        for (int i = 0; i < Calls; i++)
            allocators[i] = create();
        create().AddRegion(range + 8, length - 8); // warm-up: JIT, and the header pages faulted once
        for (int i = 0; i < Calls; i++)
        {
            long started = Stopwatch.GetTimestamp();
            allocators[i].AddRegion(range + 8, length - 8);
            results[i] = (Stopwatch.GetTimestamp() - started) * 1e9 / Stopwatch.Frequency; // TimeSpan would round to 100 ns
        }
        NativeMemory.Free(range);
        Array.Sort(results);
        return results[Calls / 2];
    }

    private static string Nanoseconds(double ns) => ns < 10_000 ? ns.ToString("0") + " ns" : (ns / 1000).ToString("0.0") + " µs";
}
