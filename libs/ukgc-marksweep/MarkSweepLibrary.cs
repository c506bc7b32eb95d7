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
        if (MarkSweepOptions.MarkPace < 1 || MarkSweepOptions.MarkStep < 4096)
            throw new System.ArgumentOutOfRangeException("mark-pace", "ukgc-marksweep.mark-pace must be at least 1 and ukgc-marksweep.mark-step at least 4K");
        var collector = new MarkSweepCollector(heap, MarkSweepOptions.Incremental != 0, (ulong)MarkSweepOptions.MarkPace);
        ManagedHeap.Install(collector, (ulong)MarkSweepOptions.Trigger, (ulong)MarkSweepOptions.MarkStep);
    }
}
