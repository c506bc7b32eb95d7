using System;
using System.Runtime.CompilerServices;
using static ExceptionTests.Report;

namespace ExceptionTests;

// The heap truly exhausted under the collector: a live structure grows until `new` fails even
// after the collection that failure forces; the OutOfMemoryException (the runtime's
// preallocated one) is caught, the structure checked and dropped, and after a collection the
// same amount can be allocated again.
internal static class Exhaustion
{
    private const int ChunkBytes = 8192;
    // More chunks than any test guest's heap can hold.
    private const int Capacity = 8192;

    private static byte[]?[]? s_chunks;

    public static void Run()
    {
        int first = FillUntilOutOfMemory(out bool firstCaught);
        bool firstIntact = Intact(first);
        s_chunks = null;
        GC.Collect();
        long inUseDropped = GC.GetTotalMemory(false);
        int second = FillUntilOutOfMemory(out bool secondCaught);
        bool secondIntact = Intact(second);
        s_chunks = null;
        GC.Collect();
        // Only after the heap has room again: printing allocates.
        long firstBytes = (long)first * ChunkBytes;
        Check(firstCaught && secondCaught && first > 0 && first < Capacity && firstIntact && secondIntact
                && inUseDropped < firstBytes / 4 && second >= first - first / 10,
            "an OutOfMemoryException from an exhausted heap is caught: " + first.ToString() + " chunks of " + ChunkBytes.ToString()
            + " bytes live when `new` failed, " + (firstIntact ? "intact" : "DAMAGED") + "; dropped and collected: "
            + (inUseDropped / 1024).ToString() + " KiB in use; then " + second.ToString() + " allocated again, "
            + (secondIntact ? "intact" : "DAMAGED"));
    }

    // Chunks go into a static array: a stale pointer left on the stack or in a register can then
    // keep one chunk alive, never a chain of them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FillUntilOutOfMemory(out bool caught)
    {
        s_chunks = new byte[Capacity][];
        int count = 0;
        caught = false;
        try
        {
            while (count < Capacity)
            {
                s_chunks[count] = NewChunk(count);
                count++;
            }
        }
        catch (OutOfMemoryException)
        {
            caught = true;
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] NewChunk(int index)
    {
        byte[] chunk = new byte[ChunkBytes];
        chunk[0] = (byte)index;
        chunk[ChunkBytes / 2] = (byte)(index >> 8);
        chunk[ChunkBytes - 1] = (byte)(index * 7 + 1);
        return chunk;
    }

    private static bool Intact(int count)
    {
        byte[]?[] chunks = s_chunks!;
        for (int i = 0; i < Capacity; i++)
        {
            byte[]? chunk = chunks[i];
            if (i >= count)
            {
                if (chunk is not null)
                    return false;
                continue;
            }
            if (chunk is null || chunk.Length != ChunkBytes || chunk[0] != (byte)i || chunk[ChunkBytes / 2] != (byte)(i >> 8)
                || chunk[ChunkBytes - 1] != (byte)(i * 7 + 1) || chunk[1] != 0)
                return false;
        }
        return true;
    }
}
