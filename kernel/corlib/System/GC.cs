using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

// The BCL's System.GC over the collector library the image was built with (ukgc-marksweep),
// through the runtime's heap seam. Without a collector (ukgc-none, or no ukgc library) nothing
// is ever collected: Collect does nothing and the counts stay 0. The collector is not
// generational: every collection is a full one, so it counts for every generation.
public static class GC
{
    public static int MaxGeneration => 0;

    public static void Collect() => HeapSeam.Collect();

    public static void Collect(int generation)
    {
        if (generation < 0)
            throw new ArgumentOutOfRangeException(nameof(generation), "generation must be 0 or more");
        HeapSeam.Collect();
    }

    public static int CollectionCount(int generation)
    {
        if (generation < 0)
            throw new ArgumentOutOfRangeException(nameof(generation), "generation must be 0 or more");
        return (int)HeapSeam.CollectorStatistics.Collections;
    }

    // Bytes of managed objects allocated and not yet collected.
    public static long GetTotalMemory(bool forceFullCollection)
    {
        if (forceFullCollection)
            HeapSeam.Collect();
        return (long)HeapSeam.CollectorStatistics.BytesInUse;
    }

    // Bytes of managed objects allocated since start-up (0 without a collector).
    public static long GetTotalAllocatedBytes(bool precise = false) => (long)HeapSeam.CollectorStatistics.BytesAllocated;

    // Time the program spent stopped for collections since start-up.
    public static TimeSpan GetTotalPauseDuration() =>
        new TimeSpan((long)(HeapSeam.CollectorStatistics.TotalPauseNanoseconds / TimeSpan.NanosecondsPerTick));

    // Not inlined, so obj stays in a register or stack slot up to the call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void KeepAlive(object? obj)
    {
    }

    public static void SuppressFinalize(object obj)
    {
    }
}
