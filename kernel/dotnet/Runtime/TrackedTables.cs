using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The memory of the runtime's GC handles and finalization list (Internal.Runtime's
// TrackedReferences, which a collector library reads by kind). The first handle segment and
// list live in .bss: CoreLib makes handles and finalizable objects while its modules
// initialise, before any allocator exists. The collector leaves this memory out of its scan
// of the image's data; what grows later comes from the allocator, which it never scans.
internal static unsafe class TrackedTables
{
    private const int FirstSegmentSlots = 2048;
    private const int FirstFinalizableCapacity = 1024;

    private static Storage s_storage;

    // Interrupts off.
    internal static TrackedReferences* Get()
    {
        TrackedReferences* tables = TrackedReferences.Installed;
        return tables != null ? tables : Install();
    }

    private static TrackedReferences* Install()
    {
        Storage* storage = (Storage*)Unsafe.AsPointer(ref s_storage);
        storage->FirstSegment.Slots = (HandleSlot*)storage->FirstSlots;
        storage->FirstSegment.Capacity = FirstSegmentSlots;
        TrackedReferences* tables = &storage->Tables;
        tables->Handles = &storage->FirstSegment;
        tables->Finalizable = (nint*)storage->FirstFinalizable;
        tables->FinalizableCapacity = FirstFinalizableCapacity;
        tables->ExcludedStart = storage;
        tables->ExcludedEnd = storage + 1;
        TrackedReferences.Installed = tables;
        return tables;
    }

    private struct Storage
    {
        public TrackedReferences Tables;
        public HandleSegment FirstSegment;
        public fixed long FirstSlots[FirstSegmentSlots * 3];
        public fixed long FirstFinalizable[FirstFinalizableCapacity];
    }
}
