using System;
using System.Runtime;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// System.GC over the heap seam: collections go to the collector library when the image has
// one; generations, frozen segments and no-GC regions have the meaning a single-generation,
// non-moving collector gives them.
internal static unsafe class Collector
{
    [RuntimeExport("RhpCollect")]
    private static void Collect(int generation, int mode, int lowMemoryPressure)
    {
        HeapSeam.Collect();
        FinalizerThread.WakeIfQueued();
    }

    [RuntimeExport("RhGetGcCollectionCount")]
    private static int CollectionCount(int generation, bool getSpecialCount) => (int)HeapSeam.CollectorStatistics.Collections;

    // CoreLib registers stack-allocated buffers of references (GCFrameRegistration) for the
    // collector to report; the collectors here scan every stack conservatively, buffers
    // included, so there is nothing to record.
    [RuntimeExport("RhRegisterForGCReporting")]
    private static void RegisterForGCReporting(void* registration)
    {
    }

    [RuntimeExport("RhUnregisterForGCReporting")]
    private static void UnregisterForGCReporting(void* registration)
    {
    }

    [RuntimeExport("RhGetGeneration")]
    private static int Generation(object obj) => 0;

    // The GC descriptor ILC emits before a MethodTable with references: a series count, then
    // 16-byte series, or (a negative count) one series and 8-byte repeating items for arrays
    // of structs.
    [RuntimeExport("RhGetGCDescSize")]
    private static int GCDescSize(TypeHandle* type)
    {
        if (!type->HasPointers)
            return 0;
        nint series = *((nint*)type - 1);
        return series >= 0
            ? sizeof(nint) + (int)series * 2 * sizeof(nint)
            : sizeof(nint) + 2 * sizeof(nint) + ((int)-series - 1) * sizeof(nint);
    }

    [RuntimeExport("RhGetMaxGcGeneration")]
    private static int MaxGeneration() => 0;

    // GC.GetTotalAllocatedBytes: every byte the collector handed out since boot.
    [RuntimeExport("RhGetTotalAllocatedBytes")]
    private static long TotalAllocatedBytes() => (long)HeapSeam.CollectorStatistics.BytesAllocated;

    [RuntimeExport("RhGetTotalAllocatedBytesPrecise")]
    private static long TotalAllocatedBytesPrecise() => (long)HeapSeam.CollectorStatistics.BytesAllocated;

    // GC.GetTotalPauseDuration, in TimeSpan ticks (100 ns).
    [RuntimeExport("RhGetTotalPauseDuration")]
    private static long TotalPauseDuration() => (long)(HeapSeam.CollectorStatistics.TotalPauseNanoseconds / 100);

    [RuntimeExport("RhpGetGcTotalMemory")]
    private static long TotalMemory() => (long)HeapSeam.CollectorStatistics.BytesInUse;

    // GCMemoryInfoData is filled field by field by CoreLib's caller; zeros mean "unknown".
    [RuntimeExport("RhGetMemoryInfo")]
    private static void MemoryInfo(ref byte info, int kind)
    {
    }

    // Frozen objects (string literals, preinitialised data) lie in the image's .data, which
    // the collector scans as roots and never frees: nothing to register.
    [RuntimeExport("RhRegisterFrozenSegment")]
    private static nint RegisterFrozenSegment(void* start, nuint allocated, nuint committed, nuint reserved) => (nint)start;

    [RuntimeExport("RhUpdateFrozenSegment")]
    private static void UpdateFrozenSegment(nint segment, void* allocated, void* committed)
    {
    }

    [RuntimeExport("RhpStartNoGCRegion")]
    private static int StartNoGCRegion(long totalSize, int hasLohSize, long lohSize, int disallowFullBlockingGC) => 0;

    [RuntimeExport("RhpEndNoGCRegion")]
    private static int EndNoGCRegion() => 0;
}
