namespace Uk.Plat.PcX86_64;

// Enumerates free RAM without allocating (it runs before the heap exists): each available
// memory-map entry, clipped to the identity-mapped range above the legacy first MiB, with
// two excluded ranges (the kernel image and the boot information) cut out.
internal ref struct FreePieces
{
    public const ulong LowLimit = 0x100000;
    public const ulong MappedLimit = 0x100000000;

    private readonly MemoryMap _map;
    private readonly ulong _cutStart1, _cutEnd1, _cutStart2, _cutEnd2;
    private int _entry;
    private int _piece;

    public FreePieces(MemoryMap map, ulong excludeStart1, ulong excludeEnd1, ulong excludeStart2, ulong excludeEnd2)
    {
        _map = map;
        // Order the cuts by start and merge them when they overlap, so pieces come out sorted.
        if (excludeStart2 < excludeStart1)
        {
            (excludeStart1, excludeStart2) = (excludeStart2, excludeStart1);
            (excludeEnd1, excludeEnd2) = (excludeEnd2, excludeEnd1);
        }
        if (excludeStart2 < excludeEnd1)
        {
            if (excludeEnd2 > excludeEnd1)
                excludeEnd1 = excludeEnd2;
            excludeStart2 = excludeEnd2 = excludeEnd1;
        }
        _cutStart1 = excludeStart1;
        _cutEnd1 = excludeEnd1;
        _cutStart2 = excludeStart2;
        _cutEnd2 = excludeEnd2;
        _entry = 0;
        _piece = 0;
    }

    public bool MoveNext(out ulong start, out ulong length)
    {
        while (_entry < _map.Count)
        {
            if (!_map.IsAvailable(_entry, out ulong regionStart, out ulong regionLength))
            {
                _entry++;
                continue;
            }
            ulong regionEnd = regionStart + regionLength;
            if (regionStart < LowLimit)
                regionStart = LowLimit;
            if (regionEnd > MappedLimit)
                regionEnd = MappedLimit;
            // Piece 0 lies below the first cut, piece 1 between the cuts, piece 2 above both.
            while (_piece < 3)
            {
                ulong pieceStart = _piece == 0 ? regionStart : Max(regionStart, _piece == 1 ? _cutEnd1 : _cutEnd2);
                ulong pieceEnd = _piece == 0 ? Min(regionEnd, _cutStart1) : _piece == 1 ? Min(regionEnd, _cutStart2) : regionEnd;
                _piece++;
                if (pieceEnd > pieceStart)
                {
                    start = pieceStart;
                    length = pieceEnd - pieceStart;
                    return true;
                }
            }
            _piece = 0;
            _entry++;
        }
        start = length = 0;
        return false;
    }

    private static ulong Min(ulong a, ulong b) => a < b ? a : b;

    private static ulong Max(ulong a, ulong b) => a > b ? a : b;
}
