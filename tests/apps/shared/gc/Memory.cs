using Uk.Alloc;

namespace GcTests;

internal static class Memory
{
    // All the memory the allocator manages: the most the managed heap could ever hold.
    public static long HeapBytes()
    {
        AllocatorStatistics statistics = Heap.Statistics;
        return (long)(statistics.BytesInUse + statistics.BytesFree);
    }
}
