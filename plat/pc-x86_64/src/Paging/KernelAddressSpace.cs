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

        for (ulong address = PageTable.PageSize; address < smallPagesEnd; address += PageTable.PageSize)
        {
            if (!table.Map(address, address, RightsAt(address, image)))
                return null;
        }
        if (!table.MapRange(smallPagesEnd, smallPagesEnd, mappedEnd - smallPagesEnd, PageRights.Writable))
            return null;
        return table;
    }

    public static PageRights RightsAt(ulong address, ImageLayout image)
    {
        if (address >= image.TextStart && address < image.TextEnd)
            return PageRights.Executable;
        if (address >= image.TextEnd && address < image.ReadOnlyEnd)
            return PageRights.None;
        return PageRights.Writable;
    }

    private static ulong RoundUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
