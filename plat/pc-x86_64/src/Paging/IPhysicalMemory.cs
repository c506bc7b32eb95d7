namespace Uk.Plat.PcX86_64.Paging;

// The hardware seam of the page-table code: physical memory as 64-bit words. In the image
// it is the identity map; host tests give it a dictionary of pages.
public interface IPhysicalMemory
{
    ulong Read(ulong address);

    void Write(ulong address, ulong value);

    void ZeroPage(ulong address);

    // Drops the CPU's cached translation of virtualAddress after its entry changed.
    void InvalidateTranslation(ulong virtualAddress);
}

// Page frames for new tables: 4 KiB, 4 KiB aligned; 0 when none is left.
public interface IFrameAllocator
{
    ulong AllocateFrame();
}
