using System.Runtime.InteropServices;
using Uk.Alloc;

namespace Unikraft.Alloc.Tests;

// Plain cases every allocator must handle the same way.
public unsafe class EdgeCaseTests
{
    public static TheoryData<string> All => new() { "buddy", "tlsf", "region" };

    private static (IAllocator Allocator, Arena Arena) Fresh(string name, int length = 1 << 20)
    {
        var arena = Arena.Single(length);
        IAllocator allocator = AllocatorKind.ByName(name).Create();
        arena.AddTo(allocator);
        return (allocator, arena);
    }

    [Theory, MemberData(nameof(All))]
    public void ZeroSizeGivesDistinctFreeableBlocks(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            void* first = a.Allocate(0);
            void* second = a.Allocate(0);
            Assert.True(first != null && second != null && first != second);
            a.Free(first);
            a.Free(second);
            Assert.Equal(2UL, a.Statistics.Frees);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void HugeSizesFailWithoutChangingAnything(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            ulong free = a.Statistics.BytesFree;
            Assert.True(a.Allocate(nuint.MaxValue) == null);
            Assert.True(a.Allocate(nuint.MaxValue - 8) == null);
            Assert.True(a.Allocate((nuint)1 << 62) == null);
            Assert.True(a.Allocate(2 << 20) == null);
            Assert.True(a.AllocateAligned(nuint.MaxValue - 100, 4096) == null);
            Assert.Equal(5UL, a.Statistics.Failures);
            Assert.Equal(0UL, a.Statistics.Allocations);
            Assert.Equal(free, a.Statistics.BytesFree);
            Assert.True(a.Allocate(1000) != null);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void AlignmentLargerThanTheRegionFails(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name, 64 << 10);
        using (arena)
        {
            Assert.True(a.AllocateAligned(16, (nuint)1 << 20) == null);
            Assert.True(a.AllocateAligned(16, 48) == null, "an alignment that is not a power of two fails");
            Assert.Equal(2UL, a.Statistics.Failures);
            void* page = a.AllocateAligned(100, 4096);
            Assert.True(page != null && (nuint)page % 4096 == 0);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void NullAndZeroSizeReallocateAndFree(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            a.Free(null);
            Assert.Equal(0UL, a.Statistics.Frees);
            void* block = a.Reallocate(null, 100);
            Assert.True(block != null);
            Assert.Equal(1UL, a.Statistics.Allocations);
            Assert.True(a.Reallocate(block, 0) == null);
            Assert.Equal(1UL, a.Statistics.Frees);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void ShrinkingReallocateStaysInPlace(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            byte* block = (byte*)a.Allocate(4000);
            a.Allocate(64);
            for (int i = 0; i < 100; i++) block[i] = (byte)i;
            ulong inUse = a.Statistics.BytesInUse;
            Assert.True(a.Reallocate(block, 100) == block);
            Assert.True(a.Statistics.BytesInUse < inUse, "the shrunk block accounts less");
            for (int i = 0; i < 100; i++) Assert.Equal((byte)i, block[i]);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void GrowingReallocateUsesTheSpaceAfterTheBlock(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            // The first block of a fresh region has free space after it in every allocator.
            byte* block = (byte*)a.Allocate(100);
            for (int i = 0; i < 100; i++) block[i] = (byte)i;
            Assert.True(a.Reallocate(block, 3000) == block);
            for (int i = 0; i < 100; i++) Assert.Equal((byte)i, block[i]);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void FailedReallocateLeavesTheBlock(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name, 64 << 10);
        using (arena)
        {
            byte* block = (byte*)a.Allocate(1000);
            for (int i = 0; i < 1000; i++) block[i] = (byte)(i * 3);
            Assert.True(a.Reallocate(block, 1 << 20) == null);
            Assert.Equal(1UL, a.Statistics.Failures);
            for (int i = 0; i < 1000; i++) Assert.Equal((byte)(i * 3), block[i]);
            a.Free(block);
            Assert.Equal(0UL, a.Statistics.BytesInUse);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void DoubleFreeIsIgnored(string name)
    {
        (IAllocator a, Arena arena) = Fresh(name);
        using (arena)
        {
            void* block = a.Allocate(500);
            a.Allocate(500);
            a.Free(block);
            AllocatorStatistics before = a.Statistics;
            a.Free(block);
            Assert.Equal(before.Frees, a.Statistics.Frees);
            Assert.Equal(before.BytesInUse, a.Statistics.BytesInUse);
            Assert.Equal(before.BytesFree, a.Statistics.BytesFree);
        }
    }

    [Theory, MemberData(nameof(All))]
    public void AFullRegionMovesOnToTheNext(string name)
    {
        using var arena = new Arena((64 << 10, 8), (64 << 10, 3));
        IAllocator a = AllocatorKind.ByName(name).Create();
        arena.AddTo(a);
        var regionsUsed = new HashSet<int>();
        int count = 0;
        for (void* block; (block = a.Allocate(1000)) != null; count++)
            regionsUsed.Add(arena.RegionOf((nuint)block, 1000));
        Assert.Equal(new HashSet<int> { 0, 1 }, regionsUsed);
        Assert.True(count >= 100, "both regions were filled: " + count + " blocks");
    }

    [Theory, MemberData(nameof(All))]
    public void TinyAndNullRegionsAreIgnored(string name)
    {
        IAllocator a = AllocatorKind.ByName(name).Create();
        byte* buffer = stackalloc byte[64];
        a.AddRegion(null, 0);
        a.AddRegion(buffer + 3, 20);
        a.AddRegion((void*)(nuint.MaxValue - 100), 4096);
        Assert.Equal(0UL, a.Statistics.BytesFree);
        Assert.True(a.Allocate(1) == null);
    }

    // Adding a region writes a few headers, never the whole range: fill a buffer with a
    // marker, add it, and count the bytes that changed. Buddy carves lazily: nothing at all.
    [Theory]
    [InlineData("buddy", 0, 0)]
    [InlineData("tlsf", 1, 32 + 16)]
    [InlineData("region", 1, 32)]
    public void AddingARegionWritesOnlyHeaders(string name, int minBytesWritten, int maxBytesWritten)
    {
        const int length = 8 << 20;
        byte* buffer = (byte*)NativeMemory.AlignedAlloc(length, 4096);
        try
        {
            new Span<byte>(buffer, length).Fill(0xCC);
            IAllocator a = AllocatorKind.ByName(name).Create();
            a.AddRegion(buffer + 13, length - 13 - 77);
            int changed = 0;
            for (int i = 0; i < length; i++)
                if (buffer[i] != 0xCC) changed++;
            Assert.InRange(changed, minBytesWritten, maxBytesWritten);
            Assert.True(a.Statistics.BytesFree > (ulong)length * 9 / 10);
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }

    // Lazy carving must still hand out every byte: more regions than the allocator keeps
    // uncarved, each then filled completely with minimum blocks.
    [Fact]
    public void BuddyServesEveryRegionPastItsUncarvedLimit()
    {
        const int regions = 20;
        const int length = 64 * 1024;
        byte* buffer = (byte*)NativeMemory.AlignedAlloc(regions * length, 4096);
        try
        {
            IAllocator a = AllocatorKind.ByName("buddy").Create();
            for (int i = 0; i < regions; i++)
                a.AddRegion(buffer + i * length, length);
            int served = 0;
            while (a.Allocate(16) != null)
                served++;
            // Each 32-byte block holds one 16-byte allocation after its 16-byte header.
            Assert.Equal(regions * length / 32, served);
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }
}
