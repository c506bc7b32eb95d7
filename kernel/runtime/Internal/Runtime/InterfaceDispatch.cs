using System;
using System.Runtime;

namespace Internal.Runtime;

// Resolves an interface call site to the implementing method. The NASM stub
// RhpInitialDynamicInterfaceDispatch saves the argument registers and calls here with the
// object and the call-site cell.
internal static unsafe class InterfaceDispatch
{
    [RuntimeExport("uk_resolve_interface_call")]
    private static nint Resolve(object obj, DispatchCell* cell)
    {
        MethodTable* interfaceType = (MethodTable*)DispatchCellLayout.InterfaceOf(cell);
        ushort slot = DispatchCellLayout.SlotOf(cell);
        nint target = FindImplementation(obj.m_pEEType, interfaceType, slot);
        if (target == 0)
            RuntimeFailure.Fail("interface dispatch failed: '" + TypeNames.FullNameOf(obj.m_pEEType)
                + "' has no implementation of slot " + slot + " of '" + TypeNames.FullNameOf(interfaceType) + "'", null);
        return target;
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
}
