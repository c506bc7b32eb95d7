using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime;

// Boxing and unboxing, which ILC-generated code calls by these names.
internal static unsafe class RuntimeExports
{
    private static object? RhBox(MethodTable* type, ref byte data)
    {
        ref byte value = ref data;
        if (type->IsNullable)
        {
            // A Nullable<T> boxes to a boxed T, or to null when it has no value.
            if (data == 0)
                return null;
            value = ref Unsafe.Add(ref data, NullableValueOffset(type));
            type = type->NullableType;
        }
        object result = Allocation.NewObject(type);
        // The box may be born marked (incremental marking): the references it receives must be
        // shaded like any other store's (Internal.Runtime.WriteBarrier).
        if (type->ContainsGCPointers)
            Buffer.BulkMoveWithWriteBarrier(ref Unsafe.As<RawData>(result).Data, ref value, type->ValueTypeSize);
        else
            Buffer.Memmove(ref Unsafe.As<RawData>(result).Data, ref value, type->ValueTypeSize);
        return result;
    }

    private static ref byte RhUnbox2(MethodTable* type, object? obj)
    {
        if (obj is null)
            throw new NullReferenceException();
        if (obj.m_pEEType != type && !IsSameUnderlyingPrimitive(obj.m_pEEType, type))
            throw new InvalidCastException("Unable to unbox object of type '" + TypeNames.FullNameOf(obj.m_pEEType)
                + "' as '" + TypeNames.FullNameOf(type) + "'.");
        return ref Unsafe.As<RawData>(obj).Data;
    }

    private static void RhUnboxNullable(ref byte data, MethodTable* type, object? obj)
    {
        MethodTable* valueType = type->NullableType;
        uint valueSize = valueType->ValueTypeSize;
        int offset = NullableValueOffset(type);
        if (obj is null)
        {
            SpanHelpers.ClearWithoutReferences(ref data, (nuint)(offset + valueSize));
            return;
        }
        if (obj.m_pEEType != valueType)
            throw new InvalidCastException("Unable to unbox object of type '" + TypeNames.FullNameOf(obj.m_pEEType)
                + "' as '" + TypeNames.FullNameOf(type) + "'.");
        data = 1;
        if (valueType->ContainsGCPointers)
            Buffer.BulkMoveWithWriteBarrier(ref Unsafe.Add(ref data, offset), ref Unsafe.As<RawData>(obj).Data, valueSize);
        else
            Buffer.Memmove(ref Unsafe.Add(ref data, offset), ref Unsafe.As<RawData>(obj).Data, valueSize);
    }

    private static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
    {
        if (type != boxType && !IsSameUnderlyingPrimitive(type, boxType))
            throw new InvalidCastException("Unable to unbox object of type '" + TypeNames.FullNameOf(type)
                + "' as '" + TypeNames.FullNameOf(boxType) + "'.");
    }

    // An enum unboxes as its underlying integer type and the reverse, as the CLR allows.
    private static bool IsSameUnderlyingPrimitive(MethodTable* a, MethodTable* b) =>
        a->IsPrimitive && a->ElementType == b->ElementType && a->ValueTypeSize == b->ValueTypeSize;

    private static int NullableValueOffset(MethodTable* nullableType) => nullableType->NullableValueOffset;
}
