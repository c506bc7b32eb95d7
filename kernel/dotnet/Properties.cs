using System.Runtime.CompilerServices;

// The kernel libraries reach the runtime's seams as they do in the minimal corlib.
[assembly: InternalsVisibleTo("core")]
[assembly: InternalsVisibleTo("pc-x86_64")]
[assembly: InternalsVisibleTo("ukalloc")]
[assembly: InternalsVisibleTo("uksched")]
[assembly: InternalsVisibleTo("ukgc")]
[assembly: InternalsVisibleTo("ukgc-marksweep")]
[assembly: InternalsVisibleTo("apic")]
[assembly: InternalsVisibleTo("vfscore")]
[assembly: InternalsVisibleTo("netstack")]
