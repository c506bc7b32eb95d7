namespace Uk.Gc.MarkSweep;

// The header at the start of every block of the collector's heap. A small block holds cells of
// one size; a large block holds one object. Per cell it keeps two bits: allocated (a live or
// not yet collected object starts there) and marked (reached in the current collection). The
// allocated bits are what lets a conservative root tell an object from a stale word.
internal unsafe struct HeapBlock
{
    // A little under 16 KiB: with the allocator's own header (ukallocbuddy: 16 bytes) a block
    // still fits a 16 KiB power of two; a whole 16 KiB would take a 32 KiB buddy block, half
    // of it unused.
    public const int SmallBlockBytes = 16 * 1024 - 64;
    public const int BitmapWords = 16;
    public const int MaxCells = BitmapWords * 64;
    public const int LargeClass = -1;

    public byte* Cells;
    public byte* End;
    public nuint CellSize;
    // ceil(2^32 / CellSize): a cell's index is (offset * Reciprocal) >> 32, exact for every
    // offset in a small block, without the division that is slow in emulation.
    public ulong Reciprocal;
    public int CellCount;
    public int AllocatedCount;
    public int SizeClass;
    public byte* FreeList;
    public HeapBlock* NextWithFree;
    public fixed ulong Allocated[BitmapWords];
    public fixed ulong Marked[BitmapWords];

    // The header word below each object (see BlockHeap's ZeroWithHeader): the first cell's
    // lies in the block header's padding.
    public const int ObjectHeaderBytes = 8;

    // Header size rounded so cells start 16-byte aligned, with room below the first cell for
    // its object's header word.
    public static int HeaderSize => (sizeof(HeapBlock) + ObjectHeaderBytes + 15) & ~15;

    public bool IsLarge => SizeClass == LargeClass;

    public static HeapBlock* InitializeSmall(void* memory, int sizeClass, nuint cellSize)
    {
        HeapBlock* block = (HeapBlock*)memory;
        *block = default;
        block->Cells = (byte*)memory + HeaderSize;
        int cells = (int)((nuint)(SmallBlockBytes - HeaderSize) / cellSize);
        block->CellCount = cells < MaxCells ? cells : MaxCells;
        block->CellSize = cellSize;
        block->Reciprocal = ((1UL << 32) + cellSize - 1) / cellSize;
        block->End = block->Cells + (nuint)block->CellCount * cellSize;
        block->SizeClass = sizeClass;
        block->RebuildFreeList();
        return block;
    }

    public static HeapBlock* InitializeLarge(void* memory, nuint objectSize)
    {
        HeapBlock* block = (HeapBlock*)memory;
        *block = default;
        block->Cells = (byte*)memory + HeaderSize;
        block->CellCount = 1;
        block->CellSize = objectSize;
        block->End = block->Cells + objectSize;
        block->SizeClass = LargeClass;
        return block;
    }

    // The start of the allocated object that address lies in, or null (a free cell, the header).
    public byte* ObjectStart(nuint address)
    {
        if (address < (nuint)Cells || address >= (nuint)End)
            return null;
        int index = CellIndex(address);
        return IsAllocated(index) ? Cells + (nuint)index * CellSize : null;
    }

    public int IndexOf(byte* cell) => CellIndex((nuint)cell);

    // The cell address lies in; address within [Cells, End).
    public int CellIndex(nuint address) => IsLarge ? 0 : (int)(((ulong)(address - (nuint)Cells) * Reciprocal) >> 32);

    public bool IsAllocated(int index) => (Allocated[index >> 6] & (1UL << (index & 63))) != 0;

    public bool IsMarked(int index) => (Marked[index >> 6] & (1UL << (index & 63))) != 0;

    // True if the cell was not marked yet.
    public bool TryMark(int index)
    {
        ulong bit = 1UL << (index & 63);
        ref ulong word = ref Marked[index >> 6];
        if ((word & bit) != 0)
            return false;
        word |= bit;
        return true;
    }

    // Takes a free cell (its first word still holds the free-list link), or null if none.
    public byte* TakeFreeCell()
    {
        byte* cell = FreeList;
        if (cell == null)
            return null;
        FreeList = *(byte**)cell;
        int index = IndexOf(cell);
        Allocated[index >> 6] |= 1UL << (index & 63);
        AllocatedCount++;
        return cell;
    }

    // A large block's one object.
    public void TakeLargeCell()
    {
        Allocated[0] = 1;
        AllocatedCount = 1;
    }

    // Sweep: what is allocated and not marked is freed; marks are cleared for the next
    // collection. Returns the bytes freed. Leaves the free list empty (see RebuildFreeList).
    public nuint Sweep()
    {
        int before = AllocatedCount;
        int count = 0;
        for (int i = 0; i < BitmapWords; i++)
        {
            ulong live = Allocated[i] & Marked[i];
            Allocated[i] = live;
            Marked[i] = 0;
            count += System.Numerics.BitOperations.PopCount(live);
        }
        AllocatedCount = count;
        // The free list is rebuilt when the allocator next takes a cell from this block: a
        // walk over every cell is the costliest part of a sweep, and doing it lazily keeps it
        // out of the pause.
        FreeList = null;
        return (nuint)(before - count) * CellSize;
    }

    // Links every unallocated cell, lowest address first, through its first word.
    public void RebuildFreeList()
    {
        byte* head = null;
        for (int index = CellCount - 1; index >= 0; index--)
        {
            if (IsAllocated(index))
                continue;
            byte* cell = Cells + (nuint)index * CellSize;
            *(byte**)cell = head;
            head = cell;
        }
        FreeList = head;
    }
}
