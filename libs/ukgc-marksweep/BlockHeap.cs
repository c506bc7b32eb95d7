using Uk.Alloc;

namespace Uk.Gc.MarkSweep;

// The collector's heap: small objects in 16 KiB blocks of equal cells, one size class per
// block; larger objects in blocks of their own. Blocks come from the image's allocator and go
// back to it when a sweep leaves them empty. Pure pointer logic over the allocator, so host
// tests run it over a simulated heap.
internal sealed unsafe class BlockHeap
{
    private readonly IAllocator _allocator;
    private readonly byte[] _classOfSize;
    private readonly HeapBlock** _withFreeCells;

    public BlockHeap(IAllocator allocator, int markStackEntries)
    {
        _allocator = allocator;
        _classOfSize = SizeClasses.BuildLookup();
        _withFreeCells = (HeapBlock**)allocator.Allocate((nuint)(SizeClasses.Count * sizeof(HeapBlock*)));
        if (_withFreeCells == null)
            throw new System.OutOfMemoryException("ukgc-marksweep: no memory for the size-class lists");
        for (int i = 0; i < SizeClasses.Count; i++)
            _withFreeCells[i] = null;
        Blocks = new BlockTable(allocator);
        Marker = new Marker(Blocks, new MarkStack(allocator, markStackEntries));
    }

    public BlockTable Blocks { get; }

    public Marker Marker { get; }

    public ulong BytesInUse { get; private set; }

    public ulong BlockBytes { get; private set; }

    public ulong BytesFreedByLastSweep { get; private set; }

    // While incremental marking is under way new objects are born marked (black): the marker
    // will not visit them, and what they hold was reachable at the snapshot or is new too.
    public bool AllocateMarked { get; set; }

    // Zeroed memory for an object of size bytes, or null if the allocator has no block for it.
    public void* Allocate(nuint size)
    {
        if (size > SizeClasses.MaxSmallSize)
            return AllocateLarge(size);
        int sizeClass = _classOfSize[(int)((size + 7) >> 3)];
        HeapBlock* block = _withFreeCells[sizeClass];
        if (block == null)
        {
            if ((block = AddSmallBlock(sizeClass)) == null)
                return null;
        }
        else if (block->FreeList == null)
        {
            // Swept since its free list was built: every block on this list has a free cell.
            block->RebuildFreeList();
        }
        byte* cell = block->TakeFreeCell();
        if (AllocateMarked)
            block->TryMark(block->IndexOf(cell));
        if (block->FreeList == null)
            _withFreeCells[sizeClass] = block->NextWithFree;
        int index = block->IndexOf(cell);
        bool nextHoldsObject = index + 1 < block->CellCount && block->IsAllocated(index + 1);
        ZeroWithHeader(cell, block->CellSize, nextHoldsObject);
        BytesInUse += block->CellSize;
        return cell;
    }

    // Frees what the mark phase did not reach and returns empty blocks to the allocator.
    public void Sweep()
    {
        for (int i = 0; i < SizeClasses.Count; i++)
            _withFreeCells[i] = null;
        nuint freed = 0;
        ulong inUse = 0;
        for (int i = 0; i < Blocks.Count; i++)
        {
            HeapBlock* block = Blocks[i];
            freed += block->Sweep();
            inUse += (ulong)block->AllocatedCount * block->CellSize;
        }
        // An allocator that never reuses freed memory (ukallocregion) would lose every block
        // given back: empty small blocks stay then, to be refilled.
        if (_allocator.SupportsFree)
            Blocks.RemoveWhere(&IsEmpty, &Release);
        else
            Blocks.RemoveWhere(&IsEmptyLarge, &Release);
        BlockBytes = 0;
        for (int i = Blocks.Count - 1; i >= 0; i--)
        {
            HeapBlock* block = Blocks[i];
            BlockBytes += BytesOf(block);
            if (!block->IsLarge && block->AllocatedCount < block->CellCount)
            {
                // Lowest addresses first: live objects gather at the bottom of the heap.
                block->NextWithFree = _withFreeCells[block->SizeClass];
                _withFreeCells[block->SizeClass] = block;
            }
        }
        BytesInUse = inUse;
        BytesFreedByLastSweep = freed;
    }

    private HeapBlock* AddSmallBlock(int sizeClass)
    {
        void* memory = _allocator.Allocate(HeapBlock.SmallBlockBytes);
        if (memory == null)
            return null;
        HeapBlock* block = HeapBlock.InitializeSmall(memory, sizeClass, (nuint)SizeClasses.CellSizes[sizeClass]);
        if (!Blocks.Add(block))
        {
            _allocator.Free(memory);
            return null;
        }
        block->NextWithFree = _withFreeCells[sizeClass];
        _withFreeCells[sizeClass] = block;
        BlockBytes += HeapBlock.SmallBlockBytes;
        return block;
    }

    private void* AllocateLarge(nuint size)
    {
        size = (size + 15) & ~(nuint)15;
        void* memory = _allocator.Allocate((nuint)HeapBlock.HeaderSize + size);
        if (memory == null)
            return null;
        HeapBlock* block = HeapBlock.InitializeLarge(memory, size);
        if (!Blocks.Add(block))
        {
            _allocator.Free(memory);
            return null;
        }
        block->TakeLargeCell();
        if (AllocateMarked)
            block->TryMark(0);
        ZeroWithHeader(block->Cells, size, nextHoldsObject: false);
        BytesInUse += size;
        BlockBytes += BytesOf(block);
        return block->Cells;
    }

    // An object's header word (.NET's hash code and thin lock bits) lies just below it, and
    // its size counts the header, so its data ends 8 bytes before the cell does: those 8 bytes
    // are the next cell's header. Zero this object's header and the cell, but not a live next
    // object's header.
    private static void ZeroWithHeader(byte* cell, nuint cellSize, bool nextHoldsObject)
    {
        nuint length = nextHoldsObject ? cellSize : cellSize + HeapBlock.ObjectHeaderBytes;
        System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(cell - HeapBlock.ObjectHeaderBytes, 0, (uint)length);
    }

    private static ulong BytesOf(HeapBlock* block) =>
        block->IsLarge ? (ulong)HeapBlock.HeaderSize + block->CellSize : HeapBlock.SmallBlockBytes;

    private static bool IsEmpty(HeapBlock* block) => block->AllocatedCount == 0;

    private static bool IsEmptyLarge(HeapBlock* block) => block->IsLarge && block->AllocatedCount == 0;

    private static void Release(IAllocator allocator, HeapBlock* block) => allocator.Free(block);
}
