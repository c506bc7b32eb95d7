using System;

namespace Internal.Runtime;

// A bump allocator over the largest free region of RAM the boot memory map describes.
// Only primitive statics here: it runs before GC statics exist.
internal static unsafe class EarlyHeap
{
    private static byte* s_next;
    private static byte* s_end;
    private static ulong s_allocations;
    private static ulong s_failures;
    private static byte* s_start;

    internal static void AddRegion(void* start, nuint length)
    {
        s_start = s_next = (byte*)(((nuint)start + 15) & ~(nuint)15);
        s_end = (byte*)start + length;
    }

    // Stops the early heap and returns what it never handed out, for the real allocator.
    // Objects it already served stay where they are: nothing moves or frees them.
    internal static void Retire(out void* start, out nuint length)
    {
        start = s_next;
        length = (nuint)(s_end - s_next);
        s_end = s_next;
    }

    // What the early heap handed out: GC statics holders and boot objects, which nothing
    // frees and whose fields the collector must read as roots.
    internal static void UsedRange(out void* start, out void* end)
    {
        start = s_start;
        end = s_next;
    }

    internal static void* AllocateAligned(nuint size, nuint alignment)
    {
        byte* aligned = (byte*)(((nuint)s_next + alignment - 1) & ~(alignment - 1));
        if (aligned > s_end)
            return null;
        s_next = aligned;
        return Allocate(size);
    }

    internal static void* Allocate(nuint size)
    {
        size = (size + 7) & ~(nuint)7;
        if (size > (nuint)(s_end - s_next))
        {
            s_failures++;
            return null;
        }
        byte* result = s_next;
        s_next += size;
        s_allocations++;
        // RAM handed over by firmware is not guaranteed to be zero.
#if UK_BCL_DOTNET
        System.Runtime.InteropServices.NativeMemory.Clear(result, size);
#else
        MemoryBlock.Fill(result, 0, size);
#endif
        return result;
    }

    internal static HeapStatistics Statistics => new HeapStatistics
    {
        BytesInUse = (ulong)(s_next - s_start),
        BytesFree = (ulong)(s_end - s_next),
        Allocations = s_allocations,
        Failures = s_failures,
    };
}
