using Uk.Alloc;
using Uk.Alloc.Buddy;
using Uk.Alloc.Region;
using Uk.Alloc.Tlsf;

namespace Unikraft.Alloc.Tests;

// Behaviour particular to one allocator.
public unsafe class AllocatorSpecificTests
{
    [Fact]
    public void BuddyBlocksArePowersOfTwoAndCoalesceBackToOne()
    {
        using var arena = new Arena();
        (nuint start, nuint length) = arena.Add(1 << 20, 0, 1 << 20);
        var a = new BuddyAllocator();
        a.AddRegion((void*)start, length);
        Assert.Equal(1UL << 20, a.Statistics.BytesFree);
        void* x = a.Allocate(100);   // 128-byte block
        void* y = a.Allocate(200);   // 256
        void* z = a.Allocate(5000);  // 8192
        Assert.Equal(128UL + 256 + 8192, a.Statistics.BytesInUse);
        Assert.True(a.Allocate((1 << 20) - 16) == null, "the region is split");
        a.Free(y);
        a.Free(x);
        a.Free(z);
        Assert.True(a.Allocate((1 << 20) - 16) == (void*)(start + 16), "the whole region is one block again");
    }

    [Fact]
    public void BuddyDoesNotCoalesceAcrossCarvedBlocks()
    {
        // 96 KiB at a 64 KiB boundary: carved as 64 KiB + 32 KiB, which are not buddies.
        using var arena = new Arena();
        (nuint start, _) = arena.Add(128 << 10, 0, 128 << 10);
        var a = new BuddyAllocator();
        a.AddRegion((void*)start, 96 << 10);
        void* big = a.Allocate((64 << 10) - 16);
        void* small = a.Allocate((32 << 10) - 16);
        Assert.True(big != null && small != null);
        a.Free(big);
        a.Free(small);
        Assert.True(a.Allocate((128 << 10) - 16) == null);
        Assert.True(a.Allocate((64 << 10) - 16) != null);
        Assert.True(a.Allocate((32 << 10) - 16) != null);
    }

    [Fact]
    public void TlsfMergesWithBothNeighbours()
    {
        using var arena = Arena.Single(1 << 20);
        var a = new TlsfAllocator();
        arena.AddTo(a);
        void* x = a.Allocate(1000);
        void* y = a.Allocate(1000);
        void* z = a.Allocate(1000);
        void* guard = a.Allocate(1000);
        a.Free(x);
        a.Free(z);
        a.Free(y); // merges with x before it and z after it: one 3 KiB block at x
        Assert.True(a.Allocate(3000) == x);
        Assert.True(guard != null);
    }

    [Fact]
    public void TlsfLargeAlignmentLeavesTheGapFree()
    {
        using var arena = new Arena();
        (nuint start, nuint length) = arena.Add(1 << 20, 0, 4096);
        var a = new TlsfAllocator();
        a.AddRegion((void*)start, length);
        void* aligned = a.AllocateAligned(100, 4096);
        Assert.Equal((nuint)0, (nuint)aligned % 4096);
        Assert.True((nuint)aligned > start);
        // The gap in front of it is a free block again: a small allocation lands there.
        void* small = a.Allocate(64);
        Assert.True((nuint)small < (nuint)aligned);
    }

    [Fact]
    public void TlsfSecondLevelOptionPicksTheListCount()
    {
        Assert.Equal(32, new TlsfAllocator().SecondLevelCount);
        Assert.Equal(16, new TlsfAllocator(16).SecondLevelCount);
        Assert.Equal(4, new TlsfAllocator(4).SecondLevelCount);
        Assert.Equal(32, new TlsfAllocator(7).SecondLevelCount);
    }

    [Fact]
    public void RegionNeverReusesFreedMemory()
    {
        using var arena = Arena.Single(1 << 20);
        var a = new RegionAllocator();
        arena.AddTo(a);
        ulong free = a.Statistics.BytesFree;
        void* x = a.Allocate(1000);
        ulong afterOne = a.Statistics.BytesFree;
        Assert.Equal(free - 1024, afterOne); // 1000 rounded to 1008, plus the 16-byte header
        a.Free(x);
        Assert.Equal(afterOne, a.Statistics.BytesFree);
        Assert.True((nuint)a.Allocate(1000) > (nuint)x);
        Assert.False(a.SupportsFree);
    }
}
