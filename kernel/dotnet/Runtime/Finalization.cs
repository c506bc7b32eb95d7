using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The list of objects with finalizers (TrackedReferences.Finalizable): an object is
// registered as it is allocated; a collector that finds it unreachable moves it to the ready
// part of the list and keeps it alive; the finalizer thread (FinalizerThread, CoreLib's loop)
// takes it from there and runs its finalizer once. Without a collector nothing is ever found
// unreachable, so finalizers never run.
internal static unsafe class Finalization
{
    // Allocation of an object whose type has a finalizer. Out of memory for the list, the
    // object is simply never finalized: the allocation itself succeeded.
    internal static void Register(object obj)
    {
        ulong flags = InterruptsOff.Enter();
        TrackedReferences* tables = TrackedTables.Get();
        if (tables->FinalizableCount < tables->FinalizableCapacity || Grow(tables))
            tables->Finalizable[tables->FinalizableCount++] = Unsafe.As<object, nint>(ref obj);
        InterruptsOff.Restore(flags);
    }

    // Searches from the newest entry: objects are mostly disposed soon after they are made.
    [RuntimeExport("RhSuppressFinalize")]
    private static void SuppressFinalize(object obj)
    {
        ulong flags = InterruptsOff.Enter();
        TrackedReferences* tables = TrackedTables.Get();
        nint index = IndexOf(tables, Unsafe.As<object, nint>(ref obj));
        if (index >= 0)
            Remove(tables, index);
        InterruptsOff.Restore(flags);
    }

    // Registers an object again after its finalizer ran or was suppressed; an object still on
    // the list stays there once.
    [RuntimeExport("RhReRegisterForFinalize")]
    private static bool ReRegisterForFinalize(object obj)
    {
        nint address = Unsafe.As<object, nint>(ref obj);
        if (!(*(TypeHandle**)address)->HasFinalizer)
            return true;
        ulong flags = InterruptsOff.Enter();
        TrackedReferences* tables = TrackedTables.Get();
        bool registered = IndexOf(tables, address) >= 0;
        if (!registered && (tables->FinalizableCount < tables->FinalizableCapacity || Grow(tables)))
        {
            tables->Finalizable[tables->FinalizableCount++] = address;
            registered = true;
        }
        InterruptsOff.Restore(flags);
        return registered;
    }

    // The finalizer thread's next object, or null when none waits.
    [RuntimeExport("RhpGetNextFinalizableObject")]
    private static object? NextFinalizableObject()
    {
        ulong flags = InterruptsOff.Enter();
        TrackedReferences* tables = TrackedTables.Get();
        nint next = 0;
        if (tables->ReadyCount > 0)
        {
            next = tables->Finalizable[tables->ReadyCount - 1];
            Remove(tables, tables->ReadyCount - 1);
        }
        InterruptsOff.Restore(flags);
        return Unsafe.As<nint, object?>(ref next);
    }

    internal static bool HasReady
    {
        get
        {
            TrackedReferences* tables = TrackedReferences.Installed;
            return tables != null && tables->ReadyCount > 0;
        }
    }

    private static nint IndexOf(TrackedReferences* tables, nint obj)
    {
        for (nint i = tables->FinalizableCount - 1; i >= 0; i--)
        {
            if (tables->Finalizable[i] == obj)
                return i;
        }
        return -1;
    }

    // Keeps the list in two parts: a ready entry's place is taken by the last ready one, whose
    // place the last registered entry takes.
    private static void Remove(TrackedReferences* tables, nint index)
    {
        nint* entries = tables->Finalizable;
        if (index < tables->ReadyCount)
        {
            nint lastReady = --tables->ReadyCount;
            entries[index] = entries[lastReady];
            index = lastReady;
        }
        nint last = --tables->FinalizableCount;
        entries[index] = entries[last];
        entries[last] = 0;
    }

    // Twice the room, from the allocator. The old list is not given back (the heap seam has no
    // free), which at most doubles what the list ever took.
    private static bool Grow(TrackedReferences* tables)
    {
        nint capacity = tables->FinalizableCapacity * 2;
        nint* larger = (nint*)HeapSeam.AllocateAligned((nuint)(capacity * sizeof(nint)), 16);
        if (larger == null)
            return false;
        for (nint i = 0; i < tables->FinalizableCount; i++)
            larger[i] = tables->Finalizable[i];
        tables->Finalizable = larger;
        tables->FinalizableCapacity = capacity;
        return true;
    }
}
