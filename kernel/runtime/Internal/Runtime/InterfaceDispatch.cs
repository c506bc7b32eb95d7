using System;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// Resolves an interface call site to the implementing method. The NASM stub
// RhpInitialDynamicInterfaceDispatch saves the argument registers and calls here with the
// object and the call-site cell.
internal static unsafe class InterfaceDispatch
{
    private const nint CellFlagsMask = 3;
    private const nint InterfacePointer = 1;
    private const nint IndirectedRelativePointer = 2;
    private const nint RelativePointer = 3;

    [RuntimeExport("uk_resolve_interface_call")]
    private static nint Resolve(object obj, DispatchCell* cell)
    {
        MethodTable* interfaceType = InterfaceTypeOf(cell);
        ushort slot = SlotOf(cell);
        nint target = FindImplementation(obj.m_pEEType, interfaceType, slot);
        if (target == 0)
            RuntimeFailure.Fail("interface dispatch failed: '" + TypeNames.FullNameOf(obj.m_pEEType)
                + "' has no implementation of slot " + slot + " of '" + TypeNames.FullNameOf(interfaceType) + "'", null);
        return target;
    }

    private static MethodTable* InterfaceTypeOf(DispatchCell* cell)
    {
        nint cache = cell->Cache;
        switch (cache & CellFlagsMask)
        {
            case InterfacePointer:
                return (MethodTable*)(cache & ~CellFlagsMask);
            case RelativePointer:
                return (MethodTable*)(((nint)(&cell->Cache) + (int)cache) & ~CellFlagsMask);
            case IndirectedRelativePointer:
                return *(MethodTable**)(((nint)(&cell->Cache) + (int)cache) & ~CellFlagsMask);
            default:
                return null;
        }
    }

    // Cells of one call site are emitted as a group ending in a cell with a null stub, whose
    // cache field carries the interface slot in its low 16 bits.
    private static ushort SlotOf(DispatchCell* cell)
    {
        while (cell->Stub != 0)
            cell++;
        return (ushort)cell->Cache;
    }

    // An exact implementation first; else, as .NET does, the implementation of an interface the
    // type lists that is assignable to the called one through variance (a call through
    // IEnumerable<object> on a List<string> runs its IEnumerable<string> methods).
    private static nint FindImplementation(MethodTable* type, MethodTable* interfaceType, ushort slot)
    {
        nint target = FindExactImplementation(type, interfaceType, slot);
        if (target != 0)
            return target;
        int variant = TypeCast.VariantInterfaceIndex(type, interfaceType);
        return variant < 0 ? 0 : FindExactImplementation(type, type->GetInterface(variant), slot);
    }

    private static nint FindExactImplementation(MethodTable* type, MethodTable* interfaceType, ushort slot)
    {
        for (MethodTable* current = type; current != null; current = current->BaseType)
        {
            nint target = FindInDispatchMap(current, type, interfaceType, slot, defaultImplementations: false);
            if (target != 0)
                return target;
        }
        for (MethodTable* current = type; current != null; current = current->BaseType)
        {
            nint target = FindInDispatchMap(current, type, interfaceType, slot, defaultImplementations: true);
            if (target != 0)
                return target;
        }
        return 0;
    }

    private static nint FindInDispatchMap(MethodTable* mapOwner, MethodTable* objectType, MethodTable* interfaceType, ushort slot, bool defaultImplementations)
    {
        DispatchMap* map = mapOwner->DispatchMap;
        if (map == null)
            return 0;
        DispatchMapEntry* entries = (DispatchMapEntry*)(map + 1);
        int first = defaultImplementations ? map->StandardEntryCount : 0;
        int count = defaultImplementations ? map->DefaultEntryCount : map->StandardEntryCount;
        for (int i = first; i < first + count; i++)
        {
            DispatchMapEntry* entry = &entries[i];
            if (entry->InterfaceMethodSlot != slot || mapOwner->GetInterface(entry->InterfaceIndex) != interfaceType)
                continue;
            int implementation = entry->ImplementationMethodSlot;
            // Slots past the vtable live in the sealed vtable of the type that owns the map.
            return implementation < mapOwner->NumVtableSlots
                ? objectType->Vtable[implementation]
                : mapOwner->GetSealedVirtualSlot(implementation - mapOwner->NumVtableSlots);
        }
        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct DispatchCell
    {
        public nint Stub;
        public nint Cache;
    }
}
