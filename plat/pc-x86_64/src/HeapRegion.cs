namespace Uk.Plat.PcX86_64;

// Picks the largest piece of available RAM that holds neither the kernel image nor the boot
// information, inside the identity-mapped first 4 GiB and above the legacy first MiB.
internal static class HeapRegion
{
    private const ulong LowLimit = 0x100000;
    private const ulong MappedLimit = 0x100000000;

    public static void Choose(MemoryMap map, ulong excludeStart1, ulong excludeEnd1, ulong excludeStart2, ulong excludeEnd2, out ulong bestStart, out ulong bestLength)
    {
        bestStart = 0;
        bestLength = 0;
        for (int i = 0; i < map.Count; i++)
        {
            if (!map.IsAvailable(i, out ulong start, out ulong length))
                continue;
            ulong end = start + length;
            if (start < LowLimit)
                start = LowLimit;
            if (end > MappedLimit)
                end = MappedLimit;
            if (end <= start)
                continue;
            // Try every piece left between the two excluded ranges.
            ConsiderPieces(start, end, excludeStart1, excludeEnd1, excludeStart2, excludeEnd2, ref bestStart, ref bestLength);
            ConsiderPieces(start, end, excludeStart2, excludeEnd2, excludeStart1, excludeEnd1, ref bestStart, ref bestLength);
        }
    }

    private static void ConsiderPieces(ulong start, ulong end, ulong cutStart, ulong cutEnd, ulong otherStart, ulong otherEnd, ref ulong bestStart, ref ulong bestLength)
    {
        // The piece below the first cut and the piece above it, each then cut by the other range.
        Consider(start, cutStart < end ? cutStart : end, otherStart, otherEnd, ref bestStart, ref bestLength);
        Consider(cutEnd > start ? cutEnd : start, end, otherStart, otherEnd, ref bestStart, ref bestLength);
    }

    private static void Consider(ulong start, ulong end, ulong cutStart, ulong cutEnd, ref ulong bestStart, ref ulong bestLength)
    {
        if (end <= start)
            return;
        if (cutStart < end && cutEnd > start)
        {
            Consider(start, cutStart, 0, 0, ref bestStart, ref bestLength);
            Consider(cutEnd, end, 0, 0, ref bestStart, ref bestLength);
            return;
        }
        if (end - start > bestLength)
        {
            bestStart = start;
            bestLength = end - start;
        }
    }
}
