using Uk.Alloc;
using Uk.Gc;
using Uk.Sched;

namespace HttpServer;

// The kernel's memory and thread figures as text, so a leak can be watched from outside:
// heap-in-use is everything the allocator handed out (objects' blocks, thread stacks, device
// buffers); gc-in-use the managed objects not yet collected (it rises and falls with the
// collection cycle); gc-live what the last collection found reachable, the figure that stays
// flat unless something leaks.
public static class MemoryCounters
{
    public static string Render()
    {
        AllocatorStatistics heap = Heap.Statistics;
        GcStatistics gc = ManagedHeap.Statistics;
        return "heap-in-use " + heap.BytesInUse.ToString() + "\nheap-free " + heap.BytesFree.ToString()
            + "\nheap-peak " + heap.PeakBytesInUse.ToString() + "\nheap-failures " + heap.Failures.ToString()
            + "\ngc-in-use " + gc.BytesInUse.ToString() + "\ngc-live " + gc.BytesReachedByLastCollection.ToString() + "\ngc-heap " + gc.HeapBytes.ToString()
            + "\ngc-collections " + gc.Collections.ToString()
            + "\nthreads " + Scheduler.ThreadCount.ToString() + "\nthread-start-failures " + Scheduler.StartFailures.ToString() + "\n";
    }
}
