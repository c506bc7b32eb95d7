using System.Numerics;

namespace Uk.Alloc.Tlsf;

// The segregated free lists and their two bitmap levels: a bit per first-level class with
// any free block, and per class a bit per second-level list that is not empty.
public sealed unsafe partial class TlsfAllocator
{
    private readonly int _secondLevelLog2;
    private readonly int _firstLevelShift;
    private readonly int _firstLevelCount;
    private ulong _firstLevelBitmap;
    private readonly uint[] _secondLevelBitmaps;
    private readonly nuint[] _freeLists;

    // The list a free block of this size belongs to. Sizes below 2^_firstLevelShift share
    // first level 0, split linearly in steps of 16.
    private void MapInsert(nuint size, out int firstLevel, out int secondLevel)
    {
        if (size < ((nuint)1 << _firstLevelShift))
        {
            firstLevel = 0;
            secondLevel = (int)(size >> AlignmentLog2);
            return;
        }
        int log2 = BitOperations.Log2(size);
        secondLevel = (int)(size >> (log2 - _secondLevelLog2)) ^ (1 << _secondLevelLog2);
        firstLevel = log2 - _firstLevelShift + 1;
    }

    // The first list whose every block holds size bytes: size rounded up to the next list
    // boundary, so a search never has to look inside a list.
    private void MapSearch(nuint size, out int firstLevel, out int secondLevel)
    {
        if (size >= ((nuint)1 << _firstLevelShift))
            size += ((nuint)1 << (BitOperations.Log2(size) - _secondLevelLog2)) - 1;
        MapInsert(size, out firstLevel, out secondLevel);
    }

    // Removes and returns a free block of at least size bytes, or null.
    private TlsfBlock* TakeFreeBlock(nuint size)
    {
        MapSearch(size, out int firstLevel, out int secondLevel);
        if (firstLevel >= _firstLevelCount)
            return null;
        uint secondMap = _secondLevelBitmaps[firstLevel] & (~0U << secondLevel);
        if (secondMap == 0)
        {
            ulong firstMap = firstLevel + 1 >= 64 ? 0 : _firstLevelBitmap & (~0UL << (firstLevel + 1));
            if (firstMap == 0)
                return null;
            firstLevel = BitOperations.TrailingZeroCount(firstMap);
            secondMap = _secondLevelBitmaps[firstLevel];
        }
        secondLevel = BitOperations.TrailingZeroCount(secondMap);
        TlsfBlock* block = (TlsfBlock*)_freeLists[(firstLevel << _secondLevelLog2) + secondLevel];
        RemoveFree(block);
        return block;
    }

    private void InsertFree(TlsfBlock* block)
    {
        MapInsert(block->Size, out int firstLevel, out int secondLevel);
        int index = (firstLevel << _secondLevelLog2) + secondLevel;
        TlsfBlock* head = (TlsfBlock*)_freeLists[index];
        block->SizeAndFlags |= TlsfBlock.FreeBit;
        block->NextFree = head;
        block->PreviousFree = null;
        if (head != null)
            head->PreviousFree = block;
        _freeLists[index] = (nuint)block;
        _firstLevelBitmap |= 1UL << firstLevel;
        _secondLevelBitmaps[firstLevel] |= 1U << secondLevel;
    }

    private void RemoveFree(TlsfBlock* block)
    {
        MapInsert(block->Size, out int firstLevel, out int secondLevel);
        int index = (firstLevel << _secondLevelLog2) + secondLevel;
        if (block->PreviousFree != null)
            block->PreviousFree->NextFree = block->NextFree;
        else
            _freeLists[index] = (nuint)block->NextFree;
        if (block->NextFree != null)
            block->NextFree->PreviousFree = block->PreviousFree;
        if (_freeLists[index] == 0)
        {
            _secondLevelBitmaps[firstLevel] &= ~(1U << secondLevel);
            if (_secondLevelBitmaps[firstLevel] == 0)
                _firstLevelBitmap &= ~(1UL << firstLevel);
        }
    }
}
