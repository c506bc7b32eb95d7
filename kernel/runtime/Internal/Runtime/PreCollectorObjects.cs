namespace Internal.Runtime;

// Managed objects the allocator library served before a collector library took over managed
// `new` (init functions that ran between the allocator's and the collector's). They lie outside
// the collector's heap, so the collector cannot free them, but their fields may come to point
// into it: the collector traces them as roots. A fixed table in .bss, because it fills before
// any collector exists; an image that outgrows it panics with the fix in the message.
internal static unsafe class PreCollectorObjects
{
    internal const int Capacity = 512;

    private static Table s_table;
    private static int s_count;

    internal static int Count => s_count;

    internal static void* Get(int index) => (void*)s_table.Addresses[index];

    internal static void Record(void* memory)
    {
        // Only once a collector exists does a missing entry matter (without one nothing is
        // ever freed): the collector checks Overflowed as it installs.
        if (s_count == Capacity)
            Overflowed = true;
        else
            s_table.Addresses[s_count++] = (nint)memory;
    }

    internal static bool Overflowed { get; private set; }

    private struct Table
    {
        public fixed long Addresses[Capacity];
    }
}
