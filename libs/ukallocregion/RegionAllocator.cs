namespace Uk.Alloc.Region;

// Region (bump) allocator: each allocation takes the next bytes of the current region and
// nothing is ever reused, so allocating is a few additions and adding a region writes one
// small header. Free only counts. When a request does not fit, the later regions are tried;
// a region is left behind for good once too little of it remains to be useful.
//
// Each block has a 16-byte header just before the caller's pointer holding its size, which
// Reallocate needs to copy the contents. Statistics count blocks as their rounded size plus
// that header; BytesFree is what the regions still hold, and Free never increases it. A
// successful Reallocate of a live block counts as one allocation and one free.
public sealed unsafe class RegionAllocator : IAllocator
{
    private const nuint MinimumAlignment = 16;
    private const nuint HeaderSize = 16;

    // A region with less than this left is skipped from then on.
    private const nuint UsefulRemainder = 256;

    private RegionHeader* _first;
    private RegionHeader* _last;
    private RegionHeader* _current;
    private AllocatorStatistics _statistics;

    public string Name => "region";

    public bool SupportsFree => false;

    public AllocatorStatistics Statistics => _statistics;

    public void AddRegion(void* start, nuint length)
    {
        nuint first = ((nuint)start + MinimumAlignment - 1) & ~(MinimumAlignment - 1);
        nuint end = ((nuint)start + length) & ~(MinimumAlignment - 1);
        if (length == 0 || (nuint)start + length < (nuint)start || first == 0 || end <= first
            || end - first < (nuint)sizeof(RegionHeader) + HeaderSize + MinimumAlignment)
            return;
        RegionHeader* region = (RegionHeader*)first;
        region->Next = (byte*)first + sizeof(RegionHeader);
        region->End = (byte*)end;
        region->Following = null;
        if (_last == null)
            _first = _current = region;
        else
            _last->Following = region;
        _last = region;
        if (_current == null)
            _current = region;
        _statistics.BytesFree += (ulong)(region->End - region->Next);
    }

    public void* Allocate(nuint size) => AllocateAligned(size, MinimumAlignment);

    public void* AllocateAligned(nuint size, nuint alignment) => _statistics.Count(AllocateBlock(size, alignment));

    public void Free(void* user)
    {
        if (user == null)
            return;
        nuint* header = (nuint*)((byte*)user - HeaderSize);
        if (header[1] != BlockTag)
            return;
        header[1] = 0;
        _statistics.Frees++;
        _statistics.BytesInUse -= header[0] + HeaderSize;
    }

    public void* Reallocate(void* user, nuint size)
    {
        if (user == null)
            return Allocate(size);
        if (size == 0)
        {
            Free(user);
            return null;
        }
        nuint* header = (nuint*)((byte*)user - HeaderSize);
        nuint oldSize = header[0];
        nuint newSize = RoundedSize(size);
        if (header[1] != BlockTag || newSize == 0)
        {
            _statistics.Failures++;
            return null;
        }
        // Shrinking keeps the block (the tail is not reused); the last block of the current
        // region grows in place.
        RegionHeader* region = _current;
        bool isLast = region != null && (byte*)user + oldSize == region->Next;
        if (newSize <= oldSize || (isLast && newSize - oldSize <= (nuint)(region!->End - region->Next)))
        {
            if (isLast && newSize > oldSize)
            {
                region!->Next += newSize - oldSize;
                _statistics.BytesFree -= newSize - oldSize;
            }
            header[0] = newSize;
            _statistics.BytesInUse = _statistics.BytesInUse - oldSize + newSize;
            UpdatePeak();
            _statistics.Allocations++;
            _statistics.Frees++;
            return user;
        }
        void* moved = AllocateBlock(size, MinimumAlignment);
        if (moved == null)
        {
            _statistics.Failures++;
            return null;
        }
        CopyBlock(moved, user, oldSize < size ? oldSize : size);
        header[1] = 0;
        _statistics.BytesInUse -= oldSize + HeaderSize;
        _statistics.Allocations++;
        _statistics.Frees++;
        return moved;
    }

    // Marks live blocks, so a second Free of the same pointer does not count twice.
    private const nuint BlockTag = 0x5E6104A1;

    private static nuint RoundedSize(nuint size)
    {
        if (size == 0)
            size = 1;
        nuint rounded = (size + MinimumAlignment - 1) & ~(MinimumAlignment - 1);
        return rounded < size ? 0 : rounded;
    }

    private void* AllocateBlock(nuint size, nuint alignment)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            return null;
        if (alignment < MinimumAlignment)
            alignment = MinimumAlignment;
        nuint rounded = RoundedSize(size);
        if (rounded == 0)
            return null;
        for (RegionHeader* region = _current; region != null; region = region->Following)
        {
            byte* user = TryBump(region, rounded, alignment);
            if (user != null)
                return user;
            if (region == _current && (nuint)(region->End - region->Next) < UsefulRemainder && region->Following != null)
                _current = region->Following;
        }
        return null;
    }

    private byte* TryBump(RegionHeader* region, nuint rounded, nuint alignment)
    {
        nuint next = (nuint)region->Next;
        nuint end = (nuint)region->End;
        nuint user = (next + HeaderSize + alignment - 1) & ~(alignment - 1);
        if (user < next || user > end || end - user < rounded)
            return null;
        region->Next = (byte*)(user + rounded);
        _statistics.BytesFree -= user + rounded - next;
        nuint* header = (nuint*)(user - HeaderSize);
        header[0] = rounded;
        header[1] = BlockTag;
        _statistics.BytesInUse += rounded + HeaderSize;
        UpdatePeak();
        return (byte*)user;
    }

    private void UpdatePeak()
    {
        if (_statistics.BytesInUse > _statistics.PeakBytesInUse)
            _statistics.PeakBytesInUse = _statistics.BytesInUse;
    }

    private static void CopyBlock(void* destination, void* source, nuint length) =>
        System.Buffer.MemoryCopy(source, destination, (long)length, (long)length);
}
