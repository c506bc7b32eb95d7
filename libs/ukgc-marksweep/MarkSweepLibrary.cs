using Uk.Alloc;

namespace Uk.Gc.MarkSweep;

public static class MarkSweepLibrary
{
    // Runs after the allocator library (the manifest check orders `requires: alloc` first):
    // the collector's blocks come from it.
    public static void Initialize()
    {
        if (MarkSweepOptions.Trigger < 64 * 1024 || MarkSweepOptions.MarkStack < 4096)
            throw new System.ArgumentOutOfRangeException("trigger", "ukgc-marksweep.trigger must be at least 64K and ukgc-marksweep.mark-stack at least 4K");
        var heap = new BlockHeap(Heap.Allocator, (int)(MarkSweepOptions.MarkStack / sizeof(long)));
        ManagedHeap.Install(new MarkSweepCollector(heap), (ulong)MarkSweepOptions.Trigger);
    }
}
