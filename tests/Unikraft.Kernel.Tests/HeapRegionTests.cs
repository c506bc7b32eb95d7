using System.Runtime.InteropServices;
using Uk.Plat.PcX86_64;

namespace Unikraft.Kernel.Tests;

// The heap placement logic over a fake boot memory map (24-byte entries, as both boot
// protocols lay them out).
public sealed unsafe class HeapRegionTests
{
    private const ulong MiB = 1024 * 1024;

    [Fact]
    public void PicksTheLargestAvailablePieceAroundTheKernelAndBootInfo()
    {
        // RAM 0-640K, 1M-64M available; kernel at 1M-1.5M; boot info at 60M-60M+4K.
        ProbeMap map = new((0, 640 * 1024, 1), (MiB, 63 * MiB, 1));

        HeapRegion.Choose(Pieces(map, (MiB, MiB + MiB / 2), (60 * MiB, 60 * MiB + 4096)), out ulong start, out ulong length);

        Assert.Equal(MiB + MiB / 2, start);
        Assert.Equal(60 * MiB - (MiB + MiB / 2), length);
    }

    [Fact]
    public void IgnoresReservedRegionsAndTheFirstMiB()
    {
        ProbeMap map = new((0, 640 * 1024, 1), (MiB, MiB, 2), (2 * MiB, MiB, 1));

        HeapRegion.Choose(Pieces(map, (MiB, MiB + 4096), (0, 0)), out ulong start, out ulong length);

        Assert.Equal(2 * MiB, start);
        Assert.Equal(MiB, length);
    }

    [Fact]
    public void ClipsToTheIdentityMappedFourGiB()
    {
        ProbeMap map = new((MiB, 8192 * MiB, 1));

        HeapRegion.Choose(Pieces(map, (MiB, 2 * MiB), (0, 0)), out ulong start, out ulong length);

        Assert.Equal(2 * MiB, start);
        Assert.Equal(4096 * MiB - 2 * MiB, length);
    }

    [Fact]
    public void ReportsNothingWhenNoRamIsLeft()
    {
        ProbeMap map = new((MiB, MiB, 1));

        HeapRegion.Choose(Pieces(map, (MiB, 2 * MiB), (0, 0)), out _, out ulong length);

        Assert.Equal(0UL, length);
    }

    [Fact]
    public void TotalCountsOnlyAvailableRam()
    {
        ProbeMap map = new((0, 640 * 1024, 1), (MiB, 3 * MiB, 1), (0xFFFC0000, 256 * 1024, 2));

        Assert.Equal(640 * 1024 + 3 * MiB, map.View.TotalAvailable);
    }

    [Fact]
    public void FreePiecesCutOutBothExclusionsInAddressOrder()
    {
        ProbeMap map = new((0, 640 * 1024, 1), (MiB, 15 * MiB, 1), (16 * MiB, MiB, 2), (32 * MiB, 4 * MiB, 1));
        var pieces = Pieces(map, (8 * MiB, 9 * MiB), (MiB, 2 * MiB));
        var found = new List<(ulong, ulong)>();

        while (pieces.MoveNext(out ulong start, out ulong length))
            found.Add((start, length));

        Assert.Equal(new[] { (2 * MiB, 6 * MiB), (9 * MiB, 7 * MiB), (32 * MiB, 4 * MiB) }, found);
    }

    [Fact]
    public void OverlappingExclusionsAreMerged()
    {
        ProbeMap map = new((MiB, 15 * MiB, 1));
        var pieces = Pieces(map, (2 * MiB, 5 * MiB), (4 * MiB, 6 * MiB));
        var found = new List<(ulong, ulong)>();

        while (pieces.MoveNext(out ulong start, out ulong length))
            found.Add((start, length));

        Assert.Equal(new[] { (MiB, MiB), (6 * MiB, 10 * MiB) }, found);
    }

    [Fact]
    public void ModulesAreCutOutLikeTheKernel()
    {
        ProbeMap map = new((MiB, 31 * MiB, 1));
        var pieces = Pieces(map, (20 * MiB, 21 * MiB), (MiB, 2 * MiB), (10 * MiB, 12 * MiB), (11 * MiB, 13 * MiB));
        var found = new List<(ulong, ulong)>();

        while (pieces.MoveNext(out ulong start, out ulong length))
            found.Add((start, length));

        Assert.Equal(new[] { (2 * MiB, 8 * MiB), (13 * MiB, 7 * MiB), (21 * MiB, 11 * MiB) }, found);
    }

    private static FreePieces Pieces(ProbeMap map, params (ulong Start, ulong End)[] taken)
    {
        var ranges = new AddressRange[taken.Length];
        for (int i = 0; i < taken.Length; i++)
            ranges[i] = new AddressRange(taken[i].Start, taken[i].End);
        return new FreePieces(map.View, ranges);
    }

    // A pinned buffer of map entries standing in for the boot loader's memory.
    private sealed class ProbeMap
    {
        private readonly ulong[] _words;
        private readonly GCHandle _pin;

        public ProbeMap(params (ulong Base, ulong Length, uint Type)[] entries)
        {
            _words = new ulong[entries.Length * 3];
            for (int i = 0; i < entries.Length; i++)
            {
                _words[i * 3] = entries[i].Base;
                _words[i * 3 + 1] = entries[i].Length;
                _words[i * 3 + 2] = entries[i].Type;
            }
            _pin = GCHandle.Alloc(_words, GCHandleType.Pinned);
        }

        public MemoryMap View => new((byte*)_pin.AddrOfPinnedObject(), _words.Length / 3, 24);
    }
}
