using System;
using System.Numerics;

namespace Uk.Alloc.Buddy;

// Binary buddy allocator: every block is a power of two in size and aligned to its size, so a
// block's buddy is at address ^ size. Allocation splits the smallest large-enough free block;
// Free coalesces with the buddy while it is free and whole. Each block starts with a 16-byte
// header (BuddyBlock); the caller's data follows it, or starts at the requested alignment.
//
// Statistics count whole blocks (power-of-two sizes, header included). A successful
// Reallocate of a live block counts as one allocation and one free, so Allocations - Frees is
// always the number of live blocks.
public sealed unsafe partial class BuddyAllocator : IAllocator
{
    // 32 bytes: the header plus the two free-list links.
    internal const int MinOrder = 5;
    internal const int MaxOrder = 47;
    private const nuint MinimumAlignment = 16;

    // Regions not yet carved into blocks, kept as [start, end) so set-up writes nothing.
    private const int MaxUncarvedRegions = 16;

    // Head of the free list of each order, and a bit per order whose list is not empty.
    private readonly nuint[] _freeLists = new nuint[MaxOrder + 1];
    private ulong _nonEmpty;

    private readonly nuint[] _uncarvedStart = new nuint[MaxUncarvedRegions];
    private readonly nuint[] _uncarvedEnd = new nuint[MaxUncarvedRegions];
    private int _uncarvedRegions;

    private AllocatorStatistics _statistics;

    public string Name => "buddy";

    public bool SupportsFree => true;

    public AllocatorStatistics Statistics => _statistics;

    // Records the range and carves it into blocks only when allocation needs them, so set-up
    // costs the same whatever the size and touches no memory (in a guest, each first touch of
    // a page is a host page fault). Past MaxUncarvedRegions a region is carved at once.
    public void AddRegion(void* start, nuint length)
    {
        nuint minBlock = (nuint)1 << MinOrder;
        nuint first = ((nuint)start + minBlock - 1) & ~(minBlock - 1);
        nuint end = ((nuint)start + length) & ~(minBlock - 1);
        if (length == 0 || (nuint)start + length < (nuint)start || first == 0 || end <= first)
            return;
        _statistics.BytesFree += (ulong)(end - first);
        if (_uncarvedRegions < MaxUncarvedRegions)
        {
            _uncarvedStart[_uncarvedRegions] = first;
            _uncarvedEnd[_uncarvedRegions] = end;
            _uncarvedRegions++;
            return;
        }
        while (first < end)
            first = CarveBlock(first, end);
    }

    // Carves uncarved regions, block by block, until a free block of at least order exists.
    private bool CarveUntilFree(int order)
    {
        while (_uncarvedRegions > 0)
        {
            int last = _uncarvedRegions - 1;
            nuint first = _uncarvedStart[last];
            nuint end = _uncarvedEnd[last];
            int carved = Math.Min(BitOperations.TrailingZeroCount(first), BitOperations.Log2(end - first));
            first = CarveBlock(first, end);
            if (first >= end)
                _uncarvedRegions--;
            else
                _uncarvedStart[last] = first;
            if (carved >= order)
                return true;
        }
        return false;
    }

    // The largest aligned power-of-two block at first that fits before end, made free; the
    // next uncarved address. The block's order is also where merging stops on free.
    private nuint CarveBlock(nuint first, nuint end)
    {
        int order = Math.Min(BitOperations.TrailingZeroCount(first), BitOperations.Log2(end - first));
        if (order > MaxOrder)
            order = MaxOrder;
        BuddyBlock* block = (BuddyBlock*)first;
        block->TopOrder = (byte)order;
        PushFree(block, order);
        return first + ((nuint)1 << order);
    }

    public void* Allocate(nuint size) => AllocateAligned(size, MinimumAlignment);

    public void* AllocateAligned(nuint size, nuint alignment) => _statistics.Count(AllocateBlock(size, alignment));

    public void Free(void* user)
    {
        if (user == null)
            return;
        BuddyBlock* block = HeaderOf(user);
        if (block == null)
            return;
        _statistics.Frees++;
        FreeBlock(block);
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
        BuddyBlock* block = HeaderOf(user);
        if (block == null)
        {
            _statistics.Failures++;
            return null;
        }
        nuint offset = (nuint)block->UserOffset;
        int order = OrderFor(size, offset);
        if (order >= 0 && (order <= block->Order || TryGrowInPlace(block, order)))
        {
            if (order < block->Order)
                ShrinkInPlace(block, order);
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
        nuint oldUsable = ((nuint)1 << block->Order) - offset;
        CopyBlock(moved, user, oldUsable < size ? oldUsable : size);
        FreeBlock(block);
        _statistics.Allocations++;
        _statistics.Frees++;
        return moved;
    }

    // The order of the smallest block holding size bytes at offset, or -1 if none can.
    private static int OrderFor(nuint size, nuint offset)
    {
        if (size > ((nuint)1 << MaxOrder))
            return -1;
        if (size == 0)
            size = 1;
        int order = Log2Ceiling(size + offset);
        if (order < MinOrder) order = MinOrder;
        return order > MaxOrder ? -1 : order;
    }

    private void* AllocateBlock(nuint size, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment))
            return null;
        if (alignment < MinimumAlignment)
            alignment = MinimumAlignment;
        if (alignment > ((nuint)1 << MaxOrder))
            return null;
        // The block is aligned to its size, so the caller's data at block + alignment is
        // aligned too, and the header at the block start stays out of the caller's way.
        int order = OrderFor(size, alignment);
        if (order < 0)
            return null;
        ulong candidates = _nonEmpty & (~0UL << order);
        while (candidates == 0 && CarveUntilFree(order))
            candidates = _nonEmpty & (~0UL << order);
        if (candidates == 0)
            return null;
        int found = BitOperations.TrailingZeroCount(candidates);
        BuddyBlock* block = PopFree(found);
        while (found > order)
        {
            found--;
            BuddyBlock* upper = (BuddyBlock*)((byte*)block + ((nuint)1 << found));
            upper->TopOrder = block->TopOrder;
            PushFree(upper, found);
        }
        MarkUsed(block, order, alignment);
        return (byte*)block + alignment;
    }

    private void MarkUsed(BuddyBlock* block, int order, nuint offset)
    {
        block->Tag = BuddyBlock.UsedTag;
        block->Order = (byte)order;
        block->UserOffset = offset;
        *(ulong*)((byte*)block + offset - 8) = offset;
        ulong size = (ulong)1 << order;
        _statistics.BytesFree -= size;
        _statistics.BytesInUse += size;
        if (_statistics.BytesInUse > _statistics.PeakBytesInUse)
            _statistics.PeakBytesInUse = _statistics.BytesInUse;
    }

    // The header of an allocated block from the caller's pointer; null when the pointer does
    // not lead to one (a double free or a foreign pointer is ignored rather than corrupting).
    private static BuddyBlock* HeaderOf(void* user)
    {
        if (((nuint)user & (MinimumAlignment - 1)) != 0)
            return null;
        ulong offset = *(ulong*)((byte*)user - 8);
        if (offset < MinimumAlignment || offset > ((ulong)1 << MaxOrder) || (nuint)user < offset)
            return null;
        BuddyBlock* block = (BuddyBlock*)((byte*)user - (nuint)offset);
        if (block->Tag != BuddyBlock.UsedTag || block->UserOffset != offset)
            return null;
        return block;
    }

    private void FreeBlock(BuddyBlock* block)
    {
        // The header stops saying "used" at once, so a second Free of the pointer is ignored.
        block->Tag = 0;
        int order = block->Order;
        ulong size = (ulong)1 << order;
        _statistics.BytesInUse -= size;
        _statistics.BytesFree += size;
        while (order < block->TopOrder)
        {
            BuddyBlock* buddy = (BuddyBlock*)((nuint)block ^ ((nuint)1 << order));
            if (buddy->Tag != BuddyBlock.FreeTag || buddy->Order != order)
                break;
            RemoveFree(buddy);
            if (buddy < block)
            {
                buddy->TopOrder = block->TopOrder;
                block = buddy;
            }
            order++;
        }
        PushFree(block, order);
    }

    // Gives back the upper halves until the block has the given order. Their buddies are the
    // lower halves, still in use, so there is nothing to coalesce with.
    private void ShrinkInPlace(BuddyBlock* block, int order)
    {
        int current = block->Order;
        while (current > order)
        {
            current--;
            BuddyBlock* upper = (BuddyBlock*)((byte*)block + ((nuint)1 << current));
            upper->TopOrder = block->TopOrder;
            PushFree(upper, current);
            _statistics.BytesInUse -= (ulong)1 << current;
            _statistics.BytesFree += (ulong)1 << current;
        }
        block->Order = (byte)order;
    }

    // Grows by absorbing free buddies above the block, when each one up to the wanted order
    // is free and whole; checks them all before changing anything.
    private bool TryGrowInPlace(BuddyBlock* block, int order)
    {
        for (int level = block->Order; level < order; level++)
        {
            if (level >= block->TopOrder || ((nuint)block & ((nuint)1 << level)) != 0)
                return false;
            BuddyBlock* buddy = (BuddyBlock*)((byte*)block + ((nuint)1 << level));
            if (buddy->Tag != BuddyBlock.FreeTag || buddy->Order != level)
                return false;
        }
        for (int level = block->Order; level < order; level++)
        {
            RemoveFree((BuddyBlock*)((byte*)block + ((nuint)1 << level)));
            _statistics.BytesInUse += (ulong)1 << level;
            _statistics.BytesFree -= (ulong)1 << level;
        }
        block->Order = (byte)order;
        if (_statistics.BytesInUse > _statistics.PeakBytesInUse)
            _statistics.PeakBytesInUse = _statistics.BytesInUse;
        return true;
    }


    private static int Log2Ceiling(nuint value) => value <= 1 ? 0 : BitOperations.Log2(value - 1) + 1;

    private static void CopyBlock(void* destination, void* source, nuint length) =>
        System.Buffer.MemoryCopy(source, destination, (long)length, (long)length);
}
