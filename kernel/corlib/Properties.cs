using System.Runtime.CompilerServices;

// The kernel core and the platform reach the runtime's seams (heap, panic, start-up)
// without them becoming public API of the corlib.
[assembly: InternalsVisibleTo("core")]
[assembly: InternalsVisibleTo("pc-x86_64")]
[assembly: InternalsVisibleTo("ukalloc")]
[assembly: InternalsVisibleTo("uksched")]
[assembly: InternalsVisibleTo("ukgc")]
[assembly: InternalsVisibleTo("ukgc-marksweep")]
