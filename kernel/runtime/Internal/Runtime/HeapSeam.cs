namespace Internal.Runtime;

// The seam between managed allocation and the allocator library the image was built with.
// Until a library installs itself, requests go to the early heap the platform gave us.
internal static unsafe class HeapSeam
{
    private static delegate*<nuint, void*> s_allocate;
    private static delegate*<HeapStatistics> s_statistics;

    // Returns zeroed, 8-byte aligned memory, or null when the heap is exhausted.
    internal static void* Allocate(nuint size) =>
        s_allocate != null ? s_allocate(size) : EarlyHeap.Allocate(size);

    internal static HeapStatistics Statistics => s_statistics != null ? s_statistics() : EarlyHeap.Statistics;

    internal static void Install(delegate*<nuint, void*> allocate, delegate*<HeapStatistics> statistics)
    {
        s_allocate = allocate;
        s_statistics = statistics;
    }
}

internal struct HeapStatistics
{
    public ulong BytesInUse;
    public ulong BytesFree;
    public ulong Allocations;
    public ulong Failures;
}
