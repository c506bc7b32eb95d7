namespace Uk.Alloc;

public struct AllocatorStatistics
{
    // Bytes handed out and not yet freed, as the allocator accounts them (block sizes).
    public ulong BytesInUse;

    // Bytes the allocator could still hand out (before fragmentation).
    public ulong BytesFree;

    // The highest BytesInUse ever reached.
    public ulong PeakBytesInUse;

    // Successful allocations (Allocate, AllocateAligned and growing Reallocate) so far.
    public ulong Allocations;

    // Frees so far.
    public ulong Frees;

    // Requests that could not be served.
    public ulong Failures;

    // Counts an allocation request by its outcome and passes the block on.
    public unsafe void* Count(void* block)
    {
        if (block == null)
            Failures++;
        else
            Allocations++;
        return block;
    }
}
