namespace Internal.Runtime;

// The seam between the kernel and the memory libraries the image was built with: managed
// `new`, page frames for the page tables, and the collector behind System.GC. Until an
// allocator library installs itself, requests go to the early heap the platform gave us; once
// a collector library installs itself, managed objects come from the collector's heap.
internal static unsafe class HeapSeam
{
    private static delegate*<nuint, void*> s_allocate;
    private static delegate*<nuint, nuint, void*> s_allocateAligned;
    private static delegate*<HeapStatistics> s_statistics;

    private static delegate*<nuint, void*> s_allocateObject;
    private static delegate*<void> s_collect;
    private static delegate*<CollectorStatistics> s_collectorStatistics;

    // Returns zeroed, 8-byte aligned memory for a managed object, or null when the heap is exhausted.
    internal static void* AllocateObject(nuint size)
    {
        if (s_allocateObject != null)
            return s_allocateObject(size);
        if (s_allocate == null)
            return EarlyHeap.Allocate(size);
        void* memory = s_allocate(size);
        if (memory != null)
            PreCollectorObjects.Record(memory);
        return memory;
    }

    // Zeroed memory aligned to alignment (a power of two), e.g. 4 KiB page frames; or null.
    internal static void* AllocateAligned(nuint size, nuint alignment) =>
        s_allocateAligned != null ? s_allocateAligned(size, alignment) : EarlyHeap.AllocateAligned(size, alignment);

    internal static HeapStatistics Statistics => s_statistics != null ? s_statistics() : EarlyHeap.Statistics;

    internal static bool HasCollector => s_allocateObject != null;

    internal static void Install(delegate*<nuint, void*> allocate, delegate*<nuint, nuint, void*> allocateAligned, delegate*<HeapStatistics> statistics)
    {
        s_allocate = allocate;
        s_allocateAligned = allocateAligned;
        s_statistics = statistics;
    }

    // From now on managed objects come from allocateObject; the objects served before stay
    // where they are and the collector treats them as immortal roots.
    internal static void InstallCollector(delegate*<nuint, void*> allocateObject, delegate*<void> collect, delegate*<CollectorStatistics> statistics)
    {
        if (PreCollectorObjects.Overflowed)
            RuntimeFailure.Fail("ukgc: too many objects were allocated before the collector started: list the collector library right after the allocator in unikernel.yaml", null);
        s_allocateObject = allocateObject;
        s_collect = collect;
        s_collectorStatistics = statistics;
    }

    // Without a collector (ukgc-none, or no ukgc library) there is nothing to do.
    internal static void Collect()
    {
        if (s_collect != null)
            s_collect();
    }

    // Without a collector every object ever allocated stays: the allocator's figures say it all.
    internal static CollectorStatistics CollectorStatistics
    {
        get
        {
            if (s_collectorStatistics != null)
                return s_collectorStatistics();
            HeapStatistics heap = Statistics;
            return new CollectorStatistics { BytesInUse = heap.BytesInUse };
        }
    }
}

internal struct HeapStatistics
{
    public ulong BytesInUse;
    public ulong BytesFree;
    public ulong Allocations;
    public ulong Failures;
}

// What System.GC reports: a collector library fills it in.
internal struct CollectorStatistics
{
    public ulong BytesInUse;
    public ulong BytesAllocated;
    public ulong Collections;
    public ulong TotalPauseNanoseconds;
}
