using System.Numerics;

namespace Uk.Alloc.Tlsf;

// Two-Level Segregated Fit (Masmano et al.): free blocks sit in lists indexed by a first level
// (log2 of the size) and a second level (the size class split linearly into 2^SL lists).
// Two bitmaps find a non-empty list at least as large as the request in O(1); a block is
// split on allocation and merged with both physical neighbours as soon as it is freed.
//
// Each region ends with a 16-byte used sentinel so merging never runs past it. Statistics
// count whole blocks (header included): BytesInUse + BytesFree stays constant. A block
// handed out is at most 16 bytes larger than needed (a smaller tail than a minimum block is
// kept). A successful Reallocate of a live block counts as one allocation and one free.
public sealed unsafe partial class TlsfAllocator : IAllocator
{
    internal const nuint HeaderSize = 16;
    internal const nuint MinimumBlock = 32;
    private const nuint MinimumAlignment = 16;
    private const int AlignmentLog2 = 4;

    // Blocks are below 2^(MaxSizeLog2 + 1) bytes; larger regions are cut to that.
    internal const int MaxSizeLog2 = 47;

    // Requests above this fail before any arithmetic can overflow.
    private static nuint MaxRequest => (nuint)1 << 46;

    private AllocatorStatistics _statistics;

    public string Name => "tlsf";

    public bool SupportsFree => true;

    public AllocatorStatistics Statistics => _statistics;

    public TlsfAllocator() : this(32)
    {
    }

    // secondLevel: lists per size class, a power of two from 4 to 32 (other values mean 32).
    public TlsfAllocator(int secondLevel)
    {
        int log2 = 5;
        if (secondLevel == 4) log2 = 2;
        else if (secondLevel == 8) log2 = 3;
        else if (secondLevel == 16) log2 = 4;
        _secondLevelLog2 = log2;
        _firstLevelShift = log2 + AlignmentLog2;
        _firstLevelCount = MaxSizeLog2 - _firstLevelShift + 2;
        _secondLevelBitmaps = new uint[_firstLevelCount];
        _freeLists = new nuint[_firstLevelCount << log2];
    }

    public int SecondLevelCount => 1 << _secondLevelLog2;

    // One free block spanning the region and the sentinel after it: O(1) whatever the size.
    public void AddRegion(void* start, nuint length)
    {
        nuint first = ((nuint)start + MinimumAlignment - 1) & ~(MinimumAlignment - 1);
        nuint end = ((nuint)start + length) & ~(MinimumAlignment - 1);
        if (length == 0 || (nuint)start + length < (nuint)start || first == 0 || end <= first
            || end - first < MinimumBlock + HeaderSize)
            return;
        nuint size = end - first - HeaderSize;
        nuint maxBlock = ((nuint)1 << (MaxSizeLog2 + 1)) - MinimumAlignment;
        if (size > maxBlock)
            size = maxBlock;
        TlsfBlock* block = (TlsfBlock*)first;
        block->SizeAndFlags = size | TlsfBlock.FreeBit;
        block->PreviousPhysical = null;
        TlsfBlock* sentinel = TlsfBlock.NextPhysical(block);
        sentinel->SizeAndFlags = TlsfBlock.PreviousFreeBit;
        sentinel->PreviousPhysical = block;
        InsertFree(block);
        _statistics.BytesFree += size;
    }

    public void* Allocate(nuint size) => AllocateAligned(size, MinimumAlignment);

    public void* AllocateAligned(nuint size, nuint alignment) => _statistics.Count(AllocateBlock(size, alignment));

    public void Free(void* user)
    {
        TlsfBlock* block = UsedBlockOf(user);
        if (block == null)
            return;
        _statistics.Frees++;
        _statistics.BytesInUse -= block->Size;
        _statistics.BytesFree += block->Size;
        Release(block);
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
        TlsfBlock* block = UsedBlockOf(user);
        nuint needed = BlockSizeFor(size);
        if (block == null || needed == 0)
        {
            _statistics.Failures++;
            return null;
        }
        nuint current = block->Size;
        if (needed > current)
        {
            TlsfBlock* next = TlsfBlock.NextPhysical(block);
            if (next->IsFree && current + next->Size >= needed)
            {
                // Absorb the free neighbour, then give back what is not needed.
                RemoveFree(next);
                _statistics.BytesFree -= next->Size;
                _statistics.BytesInUse += next->Size;
                block->SetSize(current + next->Size);
                TlsfBlock.NextPhysical(block)->SizeAndFlags &= ~TlsfBlock.PreviousFreeBit;
            }
            else
            {
                void* moved = AllocateBlock(size, MinimumAlignment);
                if (moved == null)
                {
                    _statistics.Failures++;
                    return null;
                }
                nuint oldUsable = current - HeaderSize;
                CopyBlock(moved, user, oldUsable < size ? oldUsable : size);
                _statistics.BytesInUse -= current;
                _statistics.BytesFree += current;
                Release(block);
                _statistics.Allocations++;
                _statistics.Frees++;
                return moved;
            }
        }
        TrimTail(block, needed);
        UpdatePeak();
        _statistics.Allocations++;
        _statistics.Frees++;
        return user;
    }

    // Whole block size for a request: rounded to 16, plus the header; 0 when too large.
    private static nuint BlockSizeFor(nuint size)
    {
        if (size > MaxRequest)
            return 0;
        nuint needed = ((size + MinimumAlignment - 1) & ~(MinimumAlignment - 1)) + HeaderSize;
        return needed < MinimumBlock ? MinimumBlock : needed;
    }

    private void* AllocateBlock(nuint size, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment) || alignment > MaxRequest)
            return null;
        if (alignment < MinimumAlignment)
            alignment = MinimumAlignment;
        nuint needed = BlockSizeFor(size);
        if (needed == 0)
            return null;
        // For a larger alignment, ask for enough to find an aligned start with either no gap
        // before it or a gap big enough to be a free block of its own.
        nuint search = alignment > MinimumAlignment ? needed + alignment + MinimumBlock : needed;
        TlsfBlock* block = TakeFreeBlock(search);
        if (block == null)
            return null;
        if (alignment > MinimumAlignment)
            block = SplitLeading(block, alignment);
        block->SizeAndFlags &= ~TlsfBlock.FreeBit;
        TlsfBlock.NextPhysical(block)->SizeAndFlags &= ~TlsfBlock.PreviousFreeBit;
        _statistics.BytesFree -= block->Size;
        _statistics.BytesInUse += block->Size;
        TrimTail(block, needed);
        UpdatePeak();
        return (byte*)block + HeaderSize;
    }

    // Cuts a free block off the front so the caller's pointer is aligned; returns the rest.
    private TlsfBlock* SplitLeading(TlsfBlock* block, nuint alignment)
    {
        nuint user = (nuint)block + HeaderSize;
        nuint aligned = (user + alignment - 1) & ~(alignment - 1);
        if (aligned != user && aligned - user < MinimumBlock)
            aligned = (user + MinimumBlock + alignment - 1) & ~(alignment - 1);
        nuint gap = aligned - user;
        if (gap == 0)
            return block;
        TlsfBlock* rest = (TlsfBlock*)((byte*)block + gap);
        rest->SizeAndFlags = (block->Size - gap) | TlsfBlock.FreeBit | TlsfBlock.PreviousFreeBit;
        rest->PreviousPhysical = block;
        TlsfBlock.NextPhysical(rest)->PreviousPhysical = rest;
        // The block before was in use (free neighbours are always merged), so the gap is a
        // free block of its own.
        block->SetSize(gap);
        InsertFree(block);
        return rest;
    }

    // Returns the part of a used block beyond size to the free lists, merged with the free
    // block after it, when it is large enough to be a block.
    private void TrimTail(TlsfBlock* block, nuint size)
    {
        nuint current = block->Size;
        if (current - size < MinimumBlock)
            return;
        block->SetSize(size);
        TlsfBlock* tail = TlsfBlock.NextPhysical(block);
        tail->SizeAndFlags = (current - size) | TlsfBlock.FreeBit;
        _statistics.BytesInUse -= current - size;
        _statistics.BytesFree += current - size;
        TlsfBlock* after = TlsfBlock.NextPhysical(tail);
        if (after->IsFree)
        {
            RemoveFree(after);
            tail->SetSize(tail->Size + after->Size);
            after = TlsfBlock.NextPhysical(tail);
        }
        after->SizeAndFlags |= TlsfBlock.PreviousFreeBit;
        after->PreviousPhysical = tail;
        InsertFree(tail);
    }

    // Marks a used block free, merges it with free physical neighbours and lists it.
    private void Release(TlsfBlock* block)
    {
        block->SizeAndFlags |= TlsfBlock.FreeBit;
        if (block->IsPreviousFree)
        {
            TlsfBlock* previous = block->PreviousPhysical;
            RemoveFree(previous);
            previous->SetSize(previous->Size + block->Size);
            block = previous;
        }
        TlsfBlock* next = TlsfBlock.NextPhysical(block);
        if (next->IsFree)
        {
            RemoveFree(next);
            block->SetSize(block->Size + next->Size);
            next = TlsfBlock.NextPhysical(block);
        }
        next->SizeAndFlags |= TlsfBlock.PreviousFreeBit;
        next->PreviousPhysical = block;
        InsertFree(block);
    }

    // The used block behind a caller's pointer; null for null, a misaligned pointer or a
    // block already free (a double free is ignored rather than corrupting the lists).
    private static TlsfBlock* UsedBlockOf(void* user)
    {
        if (user == null || ((nuint)user & (MinimumAlignment - 1)) != 0)
            return null;
        TlsfBlock* block = (TlsfBlock*)((byte*)user - HeaderSize);
        return block->IsFree || block->Size < MinimumBlock ? null : block;
    }

    private void UpdatePeak()
    {
        if (_statistics.BytesInUse > _statistics.PeakBytesInUse)
            _statistics.PeakBytesInUse = _statistics.BytesInUse;
    }

    private static void CopyBlock(void* destination, void* source, nuint length) =>
        System.Buffer.MemoryCopy(source, destination, (long)length, (long)length);
}
