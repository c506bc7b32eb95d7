using Uk.Gc.MarkSweep;

namespace Unikraft.Gc.Tests;

public sealed unsafe class BlockTableAndMarkStackTests
{
    [Fact]
    public void FindReturnsTheBlockAnAddressLiesInAndNullInGapsAndOutside()
    {
        using var allocator = new NativeAllocator();
        var table = new BlockTable(allocator);
        var blocks = new List<nint>();
        var random = new Random(7);
        // More blocks than the table's first capacity, added in random order, with gaps between.
        for (int i = 0; i < 600; i++)
        {
            void* memory = allocator.Allocate((nuint)(HeapBlock.SmallBlockBytes + 64));
            HeapBlock* block = HeapBlock.InitializeSmall(memory, 0, (nuint)(24 + 8 * random.Next(10)));
            blocks.Add((nint)block);
        }
        foreach (nint block in blocks.OrderBy(_ => random.Next()))
            Assert.True(table.Add((HeapBlock*)block));

        Assert.Equal(blocks.Count, table.Count);
        for (int i = 1; i < table.Count; i++)
            Assert.True(table[i - 1] < table[i]);
        foreach (nint address in blocks)
        {
            HeapBlock* block = (HeapBlock*)address;
            Assert.True(table.Find((nuint)block) == block);
            Assert.True(table.Find((nuint)block->Cells + 5) == block);
            Assert.True(table.Find((nuint)block->End - 1) == block);
            if (table.Find((nuint)block->End) != null)
                Assert.True(table.Find((nuint)block->End) != block);
        }
        Assert.True(table.Find(0) == null);
        Assert.True(table.Find(table.Lowest - 1) == null);
        Assert.True(table.Find(table.Highest) == null);
    }

    [Fact]
    public void RemoveWhereKeepsOrderAndReleasesTheRest()
    {
        using var allocator = new NativeAllocator();
        var table = new BlockTable(allocator);
        var blocks = new List<nint>();
        for (int i = 0; i < 40; i++)
        {
            HeapBlock* block = HeapBlock.InitializeSmall(allocator.Allocate(HeapBlock.SmallBlockBytes), 0, 64);
            if (i % 2 == 0)
                block->TakeFreeCell();
            blocks.Add((nint)block);
            table.Add(block);
        }
        int before = allocator.Outstanding;

        table.RemoveWhere(&IsEmpty, &Release);

        Assert.Equal(20, table.Count);
        Assert.Equal(before - 20, allocator.Outstanding);
        for (int i = 0; i < table.Count; i++)
            Assert.Equal(1, table[i]->AllocatedCount);
        for (int i = 1; i < table.Count; i++)
            Assert.True(table[i - 1] < table[i]);
    }

    [Fact]
    public void MarkStackIsLastInFirstOutAndRecordsOverflowInsteadOfGrowing()
    {
        using var allocator = new NativeAllocator();
        var stack = new MarkStack(allocator, 4);
        for (int i = 1; i <= 4; i++)
            stack.Push(i);
        Assert.False(stack.Overflowed);

        stack.Push(5);

        Assert.True(stack.Overflowed);
        Assert.Equal(4, stack.Count);
        for (int i = 4; i >= 1; i--)
        {
            Assert.True(stack.TryPop(out nint item));
            Assert.Equal(i, item);
        }
        Assert.False(stack.TryPop(out _));
        stack.ClearOverflow();
        Assert.False(stack.Overflowed);
    }

    [Fact]
    public void SizeClassLookupPicksTheSmallestCellThatFits()
    {
        byte[] lookup = SizeClasses.BuildLookup();
        for (int size = 1; size <= SizeClasses.MaxSmallSize; size++)
        {
            int sizeClass = lookup[(size + 7) >> 3];
            Assert.True(SizeClasses.CellSizes[sizeClass] >= size, "size " + size);
            if (sizeClass > 0)
                Assert.True(SizeClasses.CellSizes[sizeClass - 1] < ((size + 7) & ~7), "size " + size);
        }
    }

    private static bool IsEmpty(HeapBlock* block) => block->AllocatedCount == 0;

    private static void Release(Uk.Alloc.IAllocator allocator, HeapBlock* block) => allocator.Free(block);
}
