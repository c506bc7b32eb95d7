namespace Uk.Plat.PcX86_64;

// The early heap gets the largest free piece of RAM; the other pieces go to the allocator
// library (if the image has one) through BootInfo.FreeMemory.
internal static class HeapRegion
{
    public static void Choose(MemoryMap map, ulong excludeStart1, ulong excludeEnd1, ulong excludeStart2, ulong excludeEnd2, out ulong bestStart, out ulong bestLength)
    {
        bestStart = 0;
        bestLength = 0;
        var pieces = new FreePieces(map, excludeStart1, excludeEnd1, excludeStart2, excludeEnd2);
        while (pieces.MoveNext(out ulong start, out ulong length))
        {
            if (length > bestLength)
            {
                bestStart = start;
                bestLength = length;
            }
        }
    }
}
