namespace Uk.Plat.PcX86_64;

// The early heap gets the largest free piece of RAM; the other pieces go to the allocator
// library (if the image has one) through BootInfo.FreeMemory.
internal static class HeapRegion
{
    public static void Choose(FreePieces pieces, out ulong bestStart, out ulong bestLength)
    {
        bestStart = 0;
        bestLength = 0;
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
