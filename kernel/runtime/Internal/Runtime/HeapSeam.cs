namespace Internal.Runtime;

// The seam between the kernel and the allocator library the image was built with: managed
// `new`, and page frames for the page tables. Until a library installs itself, requests go
// to the early heap the platform gave us.
internal static unsafe class HeapSeam
{
    private static delegate*<nuint, void*> s_allocate;
    private static delegate*<nuint, nuint, void*> s_allocateAligned;
    private static delegate*<HeapStatistics> s_statistics;

    // Returns zeroed, 8-byte aligned memory, or null when the heap is exhausted.
    internal static void* Allocate(nuint size) =>
        s_allocate != null ? s_allocate(size) : EarlyHeap.Allocate(size);

    // Zeroed memory aligned to alignment (a power of two), e.g. 4 KiB page frames; or null.
    internal static void* AllocateAligned(nuint size, nuint alignment) =>
        s_allocateAligned != null ? s_allocateAligned(size, alignment) : EarlyHeap.AllocateAligned(size, alignment);

    internal static HeapStatistics Statistics => s_statistics != null ? s_statistics() : EarlyHeap.Statistics;

    internal static void Install(delegate*<nuint, void*> allocate, delegate*<nuint, nuint, void*> allocateAligned, delegate*<HeapStatistics> statistics)
    {
        s_allocate = allocate;
        s_allocateAligned = allocateAligned;
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
