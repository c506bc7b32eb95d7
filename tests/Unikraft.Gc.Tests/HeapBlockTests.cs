using System.Runtime.InteropServices;
using Uk.Gc.MarkSweep;

namespace Unikraft.Gc.Tests;

// One block's cells: the free list, the allocated bits behind the object-start lookup, and sweep.
public sealed unsafe class HeapBlockTests : IDisposable
{
    private readonly void* _memory = NativeMemory.AlignedAlloc(HeapBlock.SmallBlockBytes, 16);

    [Theory]
    [InlineData(24)]
    [InlineData(48)]
    [InlineData(640)]
    [InlineData(2048)]
    public void FreshBlockListsEveryCellLowestFirst(int cellSize)
    {
        HeapBlock* block = HeapBlock.InitializeSmall(_memory, 0, (nuint)cellSize);

        Assert.Equal((HeapBlock.SmallBlockBytes - HeapBlock.HeaderSize) / cellSize, block->CellCount);
        Assert.True(block->End <= (byte*)_memory + HeapBlock.SmallBlockBytes);
        Assert.Equal(0, (long)block->Cells % 16);
        byte* expected = block->Cells;
        int count = 0;
        for (byte* cell = block->FreeList; cell != null; cell = *(byte**)cell, count++)
        {
            Assert.True(cell == expected, "free list out of order at cell " + count);
            expected += cellSize;
        }
        Assert.Equal(block->CellCount, count);
    }

    [Fact]
    public void CellIndexAgreesWithDivisionForEveryOffsetOfEverySizeClass()
    {
        foreach (int cellSize in SizeClasses.CellSizes)
        {
            HeapBlock* block = HeapBlock.InitializeSmall(_memory, 0, (nuint)cellSize);
            for (nuint address = (nuint)block->Cells; address < (nuint)block->End; address++)
                Assert.Equal((int)((address - (nuint)block->Cells) / (nuint)cellSize), block->CellIndex(address));
        }
    }

    [Fact]
    public void ObjectStartFindsAllocatedCellsFromInteriorPointersOnly()
    {
        HeapBlock* block = HeapBlock.InitializeSmall(_memory, 0, 48);
        byte* first = block->TakeFreeCell();
        byte* second = block->TakeFreeCell();
        byte* third = block->TakeFreeCell();

        Assert.True(block->ObjectStart((nuint)first) == first);
        Assert.True(block->ObjectStart((nuint)(first + 47)) == first);
        Assert.True(block->ObjectStart((nuint)(second + 8)) == second);
        Assert.True(block->ObjectStart((nuint)third) == third);
        // Not yet allocated, the header, past the end.
        Assert.True(block->ObjectStart((nuint)(third + 48)) == null);
        Assert.True(block->ObjectStart((nuint)_memory) == null);
        Assert.True(block->ObjectStart((nuint)block->End) == null);
        Assert.Equal(3, block->AllocatedCount);
    }

    [Fact]
    public void SweepFreesUnmarkedCellsKeepsMarkedOnesAndRelinksTheFreeList()
    {
        HeapBlock* block = HeapBlock.InitializeSmall(_memory, 0, 32);
        var cells = new List<nint>();
        for (int i = 0; i < 200; i++)
            cells.Add((nint)block->TakeFreeCell());
        var keep = new HashSet<nint>();
        for (int i = 0; i < cells.Count; i += 3)
        {
            Assert.True(block->TryMark(block->IndexOf((byte*)cells[i])));
            Assert.False(block->TryMark(block->IndexOf((byte*)cells[i])));
            keep.Add(cells[i]);
        }

        nuint freed = block->Sweep();

        Assert.Equal((nuint)(200 - keep.Count) * 32, freed);
        Assert.Equal(keep.Count, block->AllocatedCount);
        foreach (nint cell in cells)
        {
            Assert.Equal(keep.Contains(cell), block->ObjectStart((nuint)cell) == (byte*)cell);
            Assert.False(block->IsMarked(block->IndexOf((byte*)cell)));
        }
        // Rebuilt lazily, when the allocator next takes a cell.
        Assert.True(block->FreeList == null);
        block->RebuildFreeList();
        var free = new HashSet<nint>();
        byte* previous = null;
        for (byte* cell = block->FreeList; cell != null; cell = *(byte**)cell)
        {
            Assert.True(cell > previous);
            Assert.False(block->IsAllocated(block->IndexOf(cell)));
            free.Add((nint)cell);
            previous = cell;
        }
        Assert.Equal(block->CellCount - keep.Count, free.Count);
    }

    public void Dispose() => NativeMemory.AlignedFree(_memory);
}
