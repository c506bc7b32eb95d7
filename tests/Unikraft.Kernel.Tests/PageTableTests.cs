using System.Globalization;
using Uk.Core;
using Uk.Plat.PcX86_64.Paging;

namespace Unikraft.Kernel.Tests;

// The page-table code over fake physical memory: the same source the image runs.
public sealed class PageTableTests
{
    private const ulong KiB = 1024, MiB = 1024 * KiB, GiB = 1024 * MiB;

    // A 60 KiB kernel at 1 MiB: 16 KiB text, 8 KiB rodata, 36 KiB data/bss.
    private static readonly ImageLayout Image = new(MiB, MiB + 16 * KiB, MiB + 24 * KiB, MiB + 60 * KiB);

    [Fact]
    public void PageZeroIsUnmappedSoNullDereferencesFault()
    {
        PageTable table = BuildKernelMap(out _);

        Assert.False(table.Translate(0, out _, out _));
        Assert.False(table.Translate(4095, out _, out _));
        Assert.True(table.Translate(4096, out ulong physical, out _));
        Assert.Equal(4096UL, physical);
    }

    [Fact]
    public void KernelSectionsGetTheirRights()
    {
        PageTable table = BuildKernelMap(out _);

        Assert.Equal(PageRights.Executable, RightsAt(table, MiB));
        Assert.Equal(PageRights.Executable, RightsAt(table, MiB + 16 * KiB - 1));
        Assert.Equal(PageRights.None, RightsAt(table, MiB + 16 * KiB));
        Assert.Equal(PageRights.None, RightsAt(table, MiB + 24 * KiB - 1));
        Assert.Equal(PageRights.Writable, RightsAt(table, MiB + 24 * KiB));
        Assert.Equal(PageRights.Writable, RightsAt(table, MiB + 60 * KiB - 1));
    }

    [Theory]
    [InlineData(0xB8000UL)]          // VGA text buffer, below the kernel
    [InlineData(2 * MiB)]            // first large page
    [InlineData(100 * MiB + 12345)]  // RAM
    [InlineData(4 * GiB - 1)]        // top of the identity map
    public void EverythingElseIsReadWriteAndNoExecute(ulong address)
    {
        PageTable table = BuildKernelMap(out _);

        Assert.True(table.Translate(address, out ulong physical, out PageRights rights));
        Assert.Equal(address, physical);
        Assert.Equal(PageRights.Writable, rights);
    }

    [Fact]
    public void NoMappingLetsKernelTextBeWritten()
    {
        PageTable table = BuildKernelMap(out FakePhysicalMemory memory);

        foreach ((ulong physical, ulong size, PageRights rights) in LeafMappings(memory, table.Root))
        {
            bool overlapsText = physical < Image.TextEnd && physical + size > Image.TextStart;
            if (overlapsText)
                Assert.Equal(PageRights.None, rights & PageRights.Writable);
        }
    }

    [Fact]
    public void UsesLargePagesAboveTheImage()
    {
        PageTable table = BuildKernelMap(out _);

        // PML4 + PDPT + 4 page directories + one 4 KiB table for the first 2 MiB.
        Assert.Equal(7, table.TablesAllocated);
    }

    [Fact]
    public void MapUnmapAndProtectAtRunTime()
    {
        PageTable table = BuildKernelMap(out _);
        ulong device = 5 * GiB;

        Assert.False(table.Translate(device, out _, out _));
        Assert.True(table.Map(device, 0xFEE00000, 2 * 4096, PageRights.Writable | PageRights.CacheDisabled));
        Assert.True(table.Translate(device + 4096 + 8, out ulong physical, out PageRights rights));
        Assert.Equal(0xFEE01008UL, physical);
        Assert.Equal(PageRights.Writable | PageRights.CacheDisabled, rights);

        Assert.True(table.Protect(device, 4096, PageRights.None));
        Assert.Equal(PageRights.None, RightsAt(table, device));
        Assert.Equal(PageRights.Writable | PageRights.CacheDisabled, RightsAt(table, device + 4096));

        Assert.True(table.Unmap(device, 2 * 4096));
        Assert.False(table.Translate(device, out _, out _));
    }

    [Fact]
    public void ChangingOnePageOfALargePageKeepsItsNeighbours()
    {
        PageTable table = BuildKernelMap(out _);
        ulong guard = 64 * MiB + 3 * 4096;

        Assert.True(table.Unmap(guard, 4096));

        Assert.False(table.Translate(guard, out _, out _));
        Assert.True(table.Translate(guard - 4096, out ulong below, out PageRights rights));
        Assert.Equal(guard - 4096, below);
        Assert.Equal(PageRights.Writable, rights);
        Assert.True(table.Translate(guard + 4096, out ulong above, out _));
        Assert.Equal(guard + 4096, above);
        Assert.True(table.Translate(64 * MiB + 2 * MiB - 1, out _, out _));
    }

    [Fact]
    public void BuildingTheMapInvalidatesNothingButChangingALiveMappingDoes()
    {
        PageTable table = BuildKernelMap(out FakePhysicalMemory memory);
        Assert.Empty(memory.Invalidated);

        table.Protect(MiB + 24 * KiB, 4096, PageRights.None);
        table.Unmap(8 * MiB, 4096);
        table.Map(6 * MiB, 6 * MiB, 4096, PageRights.Writable);

        Assert.Contains(MiB + 24 * KiB, memory.Invalidated);
        Assert.Contains(8 * MiB, memory.Invalidated);
        Assert.Contains(6 * MiB, memory.Invalidated);
    }

    [Fact]
    public void RunningOutOfFramesFailsInsteadOfCorrupting()
    {
        var memory = new FakePhysicalMemory();
        PageTable? table = KernelAddressSpace.Build(memory, new FakeFrames(limit: 3), Image, 4 * GiB);

        Assert.Null(table);
    }

    private static PageTable BuildKernelMap(out FakePhysicalMemory memory)
    {
        memory = new FakePhysicalMemory();
        PageTable? table = KernelAddressSpace.Build(memory, new FakeFrames(limit: 64), Image, 4 * GiB);
        Assert.NotNull(table);
        return table!;
    }

    private static PageRights RightsAt(PageTable table, ulong address)
    {
        Assert.True(table.Translate(address, out _, out PageRights rights), "not mapped: 0x" + address.ToString("X", CultureInfo.InvariantCulture));
        return rights;
    }

    // Every leaf entry of the table, walked from the root as the MMU would.
    private static IEnumerable<(ulong Physical, ulong Size, PageRights Rights)> LeafMappings(FakePhysicalMemory memory, ulong table, int level = 3)
    {
        for (ulong index = 0; index < 512; index++)
        {
            ulong entry = memory.Read(table + index * 8);
            if ((entry & 1) == 0)
                continue;
            ulong address = entry & 0x000F_FFFF_FFFF_F000;
            PageRights rights = ((entry & 2) != 0 ? PageRights.Writable : PageRights.None) | ((entry >> 63) == 0 ? PageRights.Executable : PageRights.None);
            if (level == 0)
                yield return (address, 4096, rights);
            else if (level == 1 && (entry & 0x80) != 0)
                yield return (address & ~(2 * MiB - 1), 2 * MiB, rights);
            else
            {
                foreach (var leaf in LeafMappings(memory, address, level - 1))
                    yield return leaf;
            }
        }
    }

    private sealed class FakePhysicalMemory : IPhysicalMemory
    {
        private readonly Dictionary<ulong, ulong[]> _pages = new();

        public ulong Read(ulong address) => _pages.TryGetValue(address & ~4095UL, out ulong[]? page) ? page[(address & 4095) / 8] : 0;

        public void Write(ulong address, ulong value)
        {
            Assert.Equal(0UL, address % 8);
            if (!_pages.TryGetValue(address & ~4095UL, out ulong[]? page))
                _pages[address & ~4095UL] = page = new ulong[512];
            page[(address & 4095) / 8] = value;
        }

        public void ZeroPage(ulong address)
        {
            Assert.Equal(0UL, address % 4096);
            _pages[address] = new ulong[512];
        }

        public List<ulong> Invalidated { get; } = new();

        public void InvalidateTranslation(ulong virtualAddress) => Invalidated.Add(virtualAddress);
    }

    // Frames from a region far above anything mapped, so tables never alias tested addresses.
    private sealed class FakeFrames(int limit) : IFrameAllocator
    {
        private ulong _next = 0x7_0000_0000;
        private int _given;

        public ulong AllocateFrame()
        {
            if (_given == limit)
                return 0;
            _given++;
            ulong frame = _next;
            _next += 4096;
            return frame;
        }
    }
}
