using System.Runtime.CompilerServices;

// The libraries that serve the runtime's seams reach them without the seams becoming public
// API of the corlib:
//   core            panic, the clock, stack traces and unwinding (RuntimeFailure, ClockSeam, FrameTable)
//   pc-x86_64       the early heap, faults raised as exceptions, the image's sections (EarlyHeap,
//                   ExceptionDispatch, ModuleSections)
//   ukalloc         the heap seam its allocators serve (HeapSeam, EarlyHeap, HeapStatistics)
//   uksched         the threading seam and deadlines (ThreadingSeam, Deadline)
//   ukgc            where a collector plugs into the heap seam (HeapSeam, CollectorStatistics)
//   ukgc-marksweep  what the collector scans and updates: handles (TrackedReferences), the write
//                   barrier's records, what was allocated before it (EarlyHeap, PreCollectorObjects)
[assembly: InternalsVisibleTo("core")]
[assembly: InternalsVisibleTo("pc-x86_64")]
[assembly: InternalsVisibleTo("ukalloc")]
[assembly: InternalsVisibleTo("uksched")]
[assembly: InternalsVisibleTo("ukgc")]
[assembly: InternalsVisibleTo("ukgc-marksweep")]
