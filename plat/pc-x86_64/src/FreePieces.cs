using System;

namespace Uk.Plat.PcX86_64;

// Enumerates free RAM without allocating (it runs before the heap exists): each available
// memory-map entry, clipped to the identity-mapped range above the legacy first MiB, with
// the excluded ranges (kernel image, boot information, boot modules) cut out.
internal ref struct FreePieces
{
    public const ulong LowLimit = 0x100000;
    public const ulong MappedLimit = 0x100000000;

    private readonly MemoryMap _map;
    private readonly Span<AddressRange> _cuts;
    private int _entry;
    private int _piece;

    // Sorts and merges exclusions in place; the caller's buffer must outlive the enumeration.
    public FreePieces(MemoryMap map, Span<AddressRange> exclusions)
    {
        _map = map;
        _cuts = SortAndMerge(exclusions);
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
            // Piece k lies between cut k-1 and cut k; there is one more piece than cuts.
            while (_piece <= _cuts.Length)
            {
                ulong pieceStart = _piece == 0 ? regionStart : Max(regionStart, _cuts[_piece - 1].End);
                ulong pieceEnd = _piece == _cuts.Length ? regionEnd : Min(regionEnd, _cuts[_piece].Start);
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

    private static Span<AddressRange> SortAndMerge(Span<AddressRange> ranges)
    {
        for (int i = 1; i < ranges.Length; i++)
        {
            AddressRange current = ranges[i];
            int j = i - 1;
            while (j >= 0 && ranges[j].Start > current.Start)
            {
                ranges[j + 1] = ranges[j];
                j--;
            }
            ranges[j + 1] = current;
        }
        int count = 0;
        for (int i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].End <= ranges[i].Start)
                continue;
            if (count > 0 && ranges[i].Start <= ranges[count - 1].End)
            {
                if (ranges[i].End > ranges[count - 1].End)
                    ranges[count - 1].End = ranges[i].End;
                continue;
            }
            ranges[count++] = ranges[i];
        }
        return ranges.Slice(0, count);
    }

    private static ulong Min(ulong a, ulong b) => a < b ? a : b;

    private static ulong Max(ulong a, ulong b) => a > b ? a : b;
}
