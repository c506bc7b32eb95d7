using Uk.Core;

namespace Uk.Plat.PcX86_64.Paging;

// A 4-level page table (PML4 -> PDPT -> PD -> PT) with 4 KiB and 2 MiB pages, and the
// run-time API to map, unmap and change rights. A 2 MiB page is split into 4 KiB pages
// when part of it changes.
public sealed class PageTable : IAddressSpace
{
    public const ulong PageSize = 4096;
    public const ulong LargePageSize = 2 * 1024 * 1024;
    private const int EntriesPerTable = 512;

    private readonly IPhysicalMemory _memory;
    private readonly IFrameAllocator _frames;

    public PageTable(IPhysicalMemory memory, IFrameAllocator frames)
    {
        _memory = memory;
        _frames = frames;
        Root = NewTable();
    }

    // Physical address of the PML4, for CR3.
    public ulong Root { get; }

    public int TablesAllocated { get; private set; }

    public bool Map(ulong virtualAddress, ulong physicalAddress, PageRights flags) =>
        SetLeaf(virtualAddress, PageTableEntry.Leaf(physicalAddress, flags, large: false), large: false);

    public bool MapLarge(ulong virtualAddress, ulong physicalAddress, PageRights flags) =>
        (virtualAddress % LargePageSize) == 0 && (physicalAddress % LargePageSize) == 0
        && SetLeaf(virtualAddress, PageTableEntry.Leaf(physicalAddress, flags, large: true), large: true);

    // Maps [virtualAddress, +length) to [physicalAddress, +length) with the largest pages
    // alignment allows. Consecutive entries of one table are written without walking from
    // the root again, which keeps building a 4 GiB map to a few table walks.
    // Returns false when a table frame could not be allocated.
    public bool MapRange(ulong virtualAddress, ulong physicalAddress, ulong length, PageRights rights)
    {
        ulong end = virtualAddress + length;
        while (virtualAddress < end)
        {
            bool large = FitsLargePage(virtualAddress, physicalAddress, end);
            ulong entryAddress = LeafEntryAddress(virtualAddress, create: true, splitLarge: !large, largeLeaf: large);
            if (entryAddress == 0)
                return false;
            ulong step = large ? LargePageSize : PageSize;
            ulong tableEnd = (entryAddress & ~(PageSize - 1)) + PageSize;
            do
            {
                ReplaceEntry(entryAddress, PageTableEntry.Leaf(physicalAddress, rights, large), virtualAddress);
                virtualAddress += step;
                physicalAddress += step;
                entryAddress += 8;
            }
            while (virtualAddress < end && entryAddress < tableEnd && FitsLargePage(virtualAddress, physicalAddress, end) == large);
        }
        return true;
    }

    private static bool FitsLargePage(ulong virtualAddress, ulong physicalAddress, ulong end) =>
        virtualAddress % LargePageSize == 0 && physicalAddress % LargePageSize == 0 && end - virtualAddress >= LargePageSize;

    public bool Map(ulong virtualAddress, ulong physicalAddress, ulong length, PageRights rights) =>
        MapRange(virtualAddress, physicalAddress, length, rights);

    public bool Unmap(ulong virtualAddress, ulong length)
    {
        for (ulong offset = 0; offset < length; offset += PageSize)
        {
            if (!Unmap(virtualAddress + offset))
                return false;
        }
        return true;
    }

    public bool Protect(ulong virtualAddress, ulong length, PageRights rights)
    {
        for (ulong offset = 0; offset < length; offset += PageSize)
        {
            if (!Protect(virtualAddress + offset, rights))
                return false;
        }
        return true;
    }

    public bool Unmap(ulong virtualAddress)
    {
        ulong entryAddress = LeafEntryAddress(virtualAddress, create: false, splitLarge: true);
        if (entryAddress == 0)
            return false;
        _memory.Write(entryAddress, 0);
        _memory.InvalidateTranslation(virtualAddress);
        return true;
    }

    public bool Protect(ulong virtualAddress, PageRights flags)
    {
        ulong entryAddress = LeafEntryAddress(virtualAddress, create: false, splitLarge: true);
        if (entryAddress == 0)
            return false;
        ulong entry = _memory.Read(entryAddress);
        if ((entry & PageTableEntry.Present) == 0)
            return false;
        _memory.Write(entryAddress, PageTableEntry.Leaf(entry & PageTableEntry.AddressMask, flags, large: false));
        _memory.InvalidateTranslation(virtualAddress);
        return true;
    }

    // Where virtualAddress leads and with which rights; false when it is not mapped.
    public bool Translate(ulong virtualAddress, out ulong physicalAddress, out PageRights rights)
    {
        ulong table = Root;
        for (int level = 3; level >= 0; level--)
        {
            ulong entry = _memory.Read(table + IndexAt(virtualAddress, level) * 8);
            if ((entry & PageTableEntry.Present) == 0)
                break;
            bool leaf = level == 0 || (level == 1 && (entry & PageTableEntry.LargePage) != 0);
            if (leaf)
            {
                ulong pageSize = level == 0 ? PageSize : LargePageSize;
                physicalAddress = (entry & PageTableEntry.AddressMask & ~(pageSize - 1)) + virtualAddress % pageSize;
                rights = PageTableEntry.FlagsOf(entry);
                return true;
            }
            table = entry & PageTableEntry.AddressMask;
        }
        physicalAddress = 0;
        rights = PageRights.None;
        return false;
    }

    private bool SetLeaf(ulong virtualAddress, ulong entry, bool large)
    {
        ulong entryAddress = LeafEntryAddress(virtualAddress, create: true, splitLarge: !large, largeLeaf: large);
        if (entryAddress == 0)
            return false;
        ReplaceEntry(entryAddress, entry, virtualAddress);
        return true;
    }

    // Entries that were live may be cached by the CPU; fresh ones (every entry while the
    // kernel map is built) need no invalidation.
    private void ReplaceEntry(ulong entryAddress, ulong entry, ulong virtualAddress)
    {
        bool wasPresent = (_memory.Read(entryAddress) & PageTableEntry.Present) != 0;
        _memory.Write(entryAddress, entry);
        if (wasPresent)
            _memory.InvalidateTranslation(virtualAddress);
    }

    // The address of the entry that maps virtualAddress: the PD entry for a large page, the
    // PT entry otherwise. Missing tables are created when asked; 0 on failure.
    private ulong LeafEntryAddress(ulong virtualAddress, bool create, bool splitLarge, bool largeLeaf = false)
    {
        ulong table = Root;
        int leafLevel = largeLeaf ? 1 : 0;
        for (int level = 3; level > leafLevel; level--)
        {
            ulong entryAddress = table + IndexAt(virtualAddress, level) * 8;
            ulong entry = _memory.Read(entryAddress);
            if ((entry & PageTableEntry.Present) == 0)
            {
                if (!create)
                    return 0;
                ulong next = NewTable();
                if (next == 0)
                    return 0;
                _memory.Write(entryAddress, next | PageTableEntry.TableFlags);
                entry = next | PageTableEntry.TableFlags;
            }
            else if (level == 1 && (entry & PageTableEntry.LargePage) != 0)
            {
                if (!splitLarge)
                    return 0;
                entry = SplitLargePage(entryAddress, entry, virtualAddress);
                if (entry == 0)
                    return 0;
            }
            table = entry & PageTableEntry.AddressMask;
        }
        return table + IndexAt(virtualAddress, leafLevel) * 8;
    }

    // Replaces a 2 MiB mapping by a table of 512 4 KiB pages with the same rights.
    private ulong SplitLargePage(ulong entryAddress, ulong largeEntry, ulong virtualAddress)
    {
        ulong table = NewTable();
        if (table == 0)
            return 0;
        ulong physical = largeEntry & PageTableEntry.AddressMask & ~(LargePageSize - 1);
        PageRights flags = PageTableEntry.FlagsOf(largeEntry);
        for (int i = 0; i < EntriesPerTable; i++)
            _memory.Write(table + (ulong)i * 8, PageTableEntry.Leaf(physical + (ulong)i * PageSize, flags, large: false));
        ulong entry = table | PageTableEntry.TableFlags;
        _memory.Write(entryAddress, entry);
        _memory.InvalidateTranslation(virtualAddress);
        return entry;
    }

    private ulong NewTable()
    {
        ulong frame = _frames.AllocateFrame();
        if (frame == 0)
            return 0;
        _memory.ZeroPage(frame);
        TablesAllocated++;
        return frame;
    }

    private static ulong IndexAt(ulong virtualAddress, int level) => (virtualAddress >> (12 + 9 * level)) & (EntriesPerTable - 1);
}
