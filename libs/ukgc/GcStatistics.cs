namespace Uk.Gc;

public struct GcStatistics
{
    public ulong Collections;

    // Bytes of objects allocated and not yet freed.
    public ulong BytesInUse;

    // Bytes of objects the last collection found reachable: the live set, without the garbage
    // made since (BytesInUse rises and falls with the collection cycle; this does not).
    public ulong BytesReachedByLastCollection;

    // Bytes the collector holds from the allocator.
    public ulong HeapBytes;

    // Bytes allocated since start-up.
    public ulong BytesAllocated;

    // Pause times in nanoseconds (0 without a clock library such as apic).
    public ulong LastPauseNanoseconds;
    public ulong MaxPauseNanoseconds;
    public ulong TotalPauseNanoseconds;
}
