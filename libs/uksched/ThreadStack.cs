using Uk.Alloc;
using Uk.Core;

namespace Uk.Sched;

// A thread's stack: page-aligned memory from the allocator whose lowest page is unmapped, so
// an overflow faults on the guard page (reported as a stack overflow) instead of silently
// overwriting whatever lies below.
internal unsafe struct ThreadStack
{
    internal const ulong PageSize = 4096;

    public ulong Guard;
    public ulong Top;

    public bool IsAllocated => Guard != 0;

    public bool GuardContains(ulong address) => address >= Guard && address < Guard + PageSize;

    public static ulong UsableSize(long size) => ((ulong)size + PageSize - 1) & ~(PageSize - 1);

    // False when the allocator has no block for it, even after a collection: the memory a
    // stack needs may be held by garbage the collector has not yet given back.
    public static bool TryAllocate(long size, out ThreadStack stack)
    {
        ulong usable = UsableSize(size);
        void* block = Heap.AllocateAligned((nuint)(usable + PageSize), (nuint)PageSize);
        if (block == null)
        {
            System.GC.Collect();
            block = Heap.AllocateAligned((nuint)(usable + PageSize), (nuint)PageSize);
        }
        if (block == null)
        {
            stack = default;
            return false;
        }
        stack.Guard = (ulong)block;
        stack.Top = stack.Guard + PageSize + usable;
        IAddressSpace? space = Kernel.AddressSpace;
        if (space is null || !space.Unmap(stack.Guard, PageSize))
            Log.Warn("sched: could not unmap the guard page at 0x" + stack.Guard.ToString("X") + "; stack overflows go undetected");
        return true;
    }

    public void Free()
    {
        // Identity mapping back before the memory returns to the allocator.
        Kernel.AddressSpace?.Map(Guard, Guard, PageSize, PageRights.Writable);
        Heap.Free((void*)Guard);
    }
}
