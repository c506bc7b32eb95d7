using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// GC handles as CoreLib uses them: a handle is the address of a slot holding the object
// (CoreLib reads it inline). Slots live in segments (TrackedTables) that a collector library
// reads by kind: strong and pinned slots are roots, weak ones are cleared when their target
// dies, a dependent slot keeps its secondary alive while its primary lives. Freed slots go on
// a free list and are reused; a full table grows by a segment from the allocator. Without a
// collector (ukgc-none) nothing is ever freed, so every kind behaves as strong.
internal static unsafe class Handles
{
    // GCHandleType's values as CoreLib passes them.
    private const int Weak = 0;
    private const int WeakTrackResurrection = 1;

    private const int GrownSegmentSlots = 4096;

    // 0 (CoreLib's OutOfMemoryException) when no slot can be found or made.
    [RuntimeExport("RhpHandleAlloc")]
    private static nint Alloc(object? value, int type)
    {
        nint kind = type switch
        {
            Weak => HandleKind.WeakShort,
            WeakTrackResurrection => HandleKind.WeakLong,
            _ => HandleKind.Strong,
        };
        return Take(Unsafe.As<object?, nint>(ref value), 0, kind);
    }

    // A dependent handle keeps its secondary alive while the primary lives; CoreLib reads the
    // handle as the primary.
    [RuntimeExport("RhpHandleAllocDependent")]
    private static nint AllocDependent(object? primary, object? secondary) =>
        Take(Unsafe.As<object?, nint>(ref primary), Unsafe.As<object?, nint>(ref secondary), HandleKind.Dependent);

    [RuntimeExport("RhHandleFree")]
    private static void Free(nint handle)
    {
        HandleSlot* slot = (HandleSlot*)handle;
        ulong flags = InterruptsOff.Enter();
        // A slot freed twice would sit twice on the free list and later serve two handles.
        if (slot->Kind != HandleKind.Free)
        {
            TrackedReferences* tables = TrackedTables.Get();
            slot->Target = 0;
            slot->Kind = HandleKind.Free;
            slot->Secondary = (nint)tables->FreeHandles;
            tables->FreeHandles = slot;
        }
        InterruptsOff.Restore(flags);
    }

    // One store: a collection sees the old target or the new one.
    [RuntimeExport("RhHandleSet")]
    private static nint Set(nint handle, object? value)
    {
        ((HandleSlot*)handle)->Target = Unsafe.As<object?, nint>(ref value);
        return handle;
    }

    [RuntimeExport("RhHandleSetDependentSecondary")]
    private static void SetDependentSecondary(nint handle, object? secondary) =>
        ((HandleSlot*)handle)->Secondary = Unsafe.As<object?, nint>(ref secondary);

    // Both read with interrupts off: a collection in between could clear the primary after
    // the secondary was read, or free the secondary of a primary read as dead.
    [RuntimeExport("RhHandleGetDependent")]
    private static object? GetDependent(nint handle, ref object? secondary)
    {
        HandleSlot* slot = (HandleSlot*)handle;
        ulong flags = InterruptsOff.Enter();
        nint primary = slot->Target;
        nint dependent = primary != 0 ? slot->Secondary : 0;
        InterruptsOff.Restore(flags);
        secondary = Unsafe.As<nint, object?>(ref dependent);
        return Unsafe.As<nint, object?>(ref primary);
    }

    private static nint Take(nint target, nint secondary, nint kind)
    {
        ulong flags = InterruptsOff.Enter();
        TrackedReferences* tables = TrackedTables.Get();
        HandleSlot* slot = tables->FreeHandles;
        if (slot != null)
            tables->FreeHandles = (HandleSlot*)slot->Secondary;
        else
            slot = Unused(tables);
        if (slot != null)
        {
            slot->Target = target;
            slot->Secondary = secondary;
            slot->Kind = kind;
        }
        InterruptsOff.Restore(flags);
        return (nint)slot;
    }

    // A never used slot of the newest segment, or of a new one; null without memory.
    private static HandleSlot* Unused(TrackedReferences* tables)
    {
        HandleSegment* segment = tables->Handles;
        if (segment->Used == segment->Capacity)
        {
            nuint bytes = (nuint)(sizeof(HandleSegment) + GrownSegmentSlots * sizeof(HandleSlot));
            segment = (HandleSegment*)HeapSeam.AllocateAligned(bytes, 16);
            if (segment == null)
                return null;
            segment->Slots = (HandleSlot*)(segment + 1);
            segment->Capacity = GrownSegmentSlots;
            segment->Next = tables->Handles;
            tables->Handles = segment;
        }
        return segment->Slots + segment->Used++;
    }
}
