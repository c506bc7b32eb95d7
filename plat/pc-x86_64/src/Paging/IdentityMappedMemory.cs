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
}

// Page-table frames from the early heap: they live as long as the kernel.
internal sealed unsafe class EarlyHeapFrames : IFrameAllocator
{
    public ulong AllocateFrame() => (ulong)Internal.Runtime.EarlyHeap.AllocateAligned((nuint)PageTable.PageSize, (nuint)PageTable.PageSize);
}
