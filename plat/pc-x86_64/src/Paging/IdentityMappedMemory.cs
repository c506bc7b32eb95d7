namespace Uk.Plat.PcX86_64.Paging;

// Physical memory through the identity map the boot stub (and then the kernel map) keeps.
internal sealed unsafe class IdentityMappedMemory : IPhysicalMemory
{
    public ulong Read(ulong address) => *(ulong*)address;

    public void Write(ulong address, ulong value) => *(ulong*)address = value;

    public void ZeroPage(ulong address)
    {
        ulong* page = (ulong*)address;
        for (int i = 0; i < 512; i++)
            page[i] = 0;
    }

    public void InvalidateTranslation(ulong virtualAddress) => ukplat_invalidate_page(virtualAddress);

    [System.Runtime.InteropServices.DllImport("*"), System.Runtime.InteropServices.SuppressGCTransition]
    private static extern void ukplat_invalidate_page(ulong virtualAddress);
}

// Page-table frames from the kernel heap (the early heap at boot, the allocator library
// once it is installed): tables live as long as the kernel.
internal sealed unsafe class HeapFrames : IFrameAllocator
{
    public ulong AllocateFrame() => (ulong)Internal.Runtime.HeapSeam.AllocateAligned((nuint)PageTable.PageSize, (nuint)PageTable.PageSize);
}
