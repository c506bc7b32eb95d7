using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// GC handles as CoreLib uses them: a handle is the address of a slot holding the object
// (CoreLib reads it inline). The slots live in .bss, which the collector scans as roots, so
// every handle keeps its object alive, weak ones included: a documented difference (objects
// behind weak references are never collected) until the collector learns handle kinds.
internal static unsafe class Handles
{
    private const int Capacity = 8192;

    private static SlotTable s_slots;
    private static int s_used;

    [RuntimeExport("RhpHandleAlloc")]
    private static nint Alloc(object? value, int type)
    {
        nint* slot = Take(1);
        if (slot != null)
            *slot = Unsafe.As<object?, nint>(ref value);
        return (nint)slot;
    }

    // A dependent handle keeps its secondary alive while the primary lives: two slots, the
    // primary first (CoreLib reads the handle as the primary).
    [RuntimeExport("RhpHandleAllocDependent")]
    private static nint AllocDependent(object? primary, object? secondary)
    {
        nint* slot = Take(2);
        if (slot != null)
        {
            slot[0] = Unsafe.As<object?, nint>(ref primary);
            slot[1] = Unsafe.As<object?, nint>(ref secondary);
        }
        return (nint)slot;
    }

    [RuntimeExport("RhHandleFree")]
    private static void Free(nint handle)
    {
        // Freed slots are not reused: a freed handle may be a dependent pair, and the table
        // is sized for the handles an image makes in its lifetime (CoreLib makes few).
        *(nint*)handle = 0;
    }

    [RuntimeExport("RhHandleSet")]
    private static nint Set(nint handle, object? value)
    {
        *(nint*)handle = Unsafe.As<object?, nint>(ref value);
        return handle;
    }

    [RuntimeExport("RhHandleSetDependentSecondary")]
    private static void SetDependentSecondary(nint handle, object? secondary) =>
        ((nint*)handle)[1] = Unsafe.As<object?, nint>(ref secondary);

    [RuntimeExport("RhHandleGetDependent")]
    private static object? GetDependent(nint handle, ref object? secondary)
    {
        nint* slot = (nint*)handle;
        secondary = Unsafe.As<nint, object?>(ref slot[1]);
        return Unsafe.As<nint, object?>(ref slot[0]);
    }

    // Threads may allocate handles at once under a preemptive scheduler.
    private static nint* Take(int count)
    {
        int end = Interlocked.Add(ref s_used, count);
        if (end > Capacity)
            return null;
        fixed (long* slots = s_slots.Slots)
            return (nint*)(slots + end - count);
    }

    private struct SlotTable
    {
        public fixed long Slots[Capacity];
    }
}
