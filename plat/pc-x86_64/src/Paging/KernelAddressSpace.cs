using Uk.Core;

namespace Uk.Plat.PcX86_64.Paging;

// The kernel's identity map: page 0 left unmapped so a null dereference faults, the kernel
// image mapped by section (text RX, rodata R, data RW), and every other address up to
// mappedEnd read-write and no-execute. 4 KiB pages cover the first 2 MiB-aligned span that
// holds the image; 2 MiB pages cover the rest.
public static class KernelAddressSpace
{
    public static PageTable? Build(IPhysicalMemory memory, IFrameAllocator frames, ImageLayout image, ulong mappedEnd)
    {
        var table = new PageTable(memory, frames);
        ulong smallPagesEnd = RoundUp(image.ImageEnd, PageTable.LargePageSize);
        if (mappedEnd < smallPagesEnd)
            mappedEnd = smallPagesEnd;

        bool mapped =
            Identity(table, PageTable.PageSize, image.TextStart, PageRights.Writable)
            && Identity(table, image.TextStart, image.TextEnd, PageRights.Executable)
            && Identity(table, image.TextEnd, image.ReadOnlyEnd, PageRights.None)
            && Identity(table, image.ReadOnlyEnd, smallPagesEnd, PageRights.Writable)
            && Identity(table, smallPagesEnd, mappedEnd, PageRights.Writable);
        return mapped ? table : null;
    }

    public static PageRights RightsAt(ulong address, ImageLayout image)
    {
        if (address >= image.TextStart && address < image.TextEnd)
            return PageRights.Executable;
        if (address >= image.TextEnd && address < image.ReadOnlyEnd)
            return PageRights.None;
        return PageRights.Writable;
    }

    // Page 0 stays out because every span starts at 4 KiB or above, and a span starting off a
    // 2 MiB boundary gets 4 KiB pages up to that boundary.
    private static bool Identity(PageTable table, ulong start, ulong end, PageRights rights) =>
        end <= start || table.MapRange(start, start, end - start, rights);

    private static ulong RoundUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
