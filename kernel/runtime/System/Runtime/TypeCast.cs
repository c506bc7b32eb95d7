using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime;

// Cast helpers that ILC-generated code calls for `is`, `as`, casts and array stores.
// Real checks: a wrong cast throws InvalidCastException naming both types.
internal static unsafe class TypeCast
{
    private static object? IsInstanceOfClass(MethodTable* targetType, object? obj)
    {
        if (obj is null)
            return null;
        // Arrays have no base-type chain in their method table (the slot holds the element
        // type), and can match through covariance (object[] from string[]).
        if (obj.m_pEEType->IsArray)
            return AreTypesAssignable(obj.m_pEEType, targetType) ? obj : null;
        for (MethodTable* type = obj.m_pEEType; type != null; type = type->BaseType)
        {
            if (type == targetType)
                return obj;
        }
        return null;
    }

    private static object? IsInstanceOfInterface(MethodTable* targetType, object? obj)
    {
        if (obj is null)
            return null;
        return ImplementsInterface(obj.m_pEEType, targetType) ? obj : null;
    }

    private static object? IsInstanceOfAny(MethodTable* targetType, object? obj)
    {
        if (obj is null)
            return null;
        return AreTypesAssignable(obj.m_pEEType, targetType) ? obj : null;
    }

    private static bool IsInstanceOfException(MethodTable* targetType, object? obj) =>
        obj is not null && AreTypesAssignable(obj.m_pEEType, targetType);

    private static object? CheckCastClass(MethodTable* targetType, object? obj)
    {
        if (obj is null || IsInstanceOfClass(targetType, obj) is not null)
            return obj;
        throw CastFailure(obj.m_pEEType, targetType);
    }

    private static object? CheckCastClassSpecial(MethodTable* targetType, object? obj) => CheckCastClass(targetType, obj);

    private static object? CheckCastInterface(MethodTable* targetType, object? obj)
    {
        if (obj is null || ImplementsInterface(obj.m_pEEType, targetType))
            return obj;
        throw CastFailure(obj.m_pEEType, targetType);
    }

    private static object? CheckCastAny(MethodTable* targetType, object? obj)
    {
        if (obj is null || AreTypesAssignable(obj.m_pEEType, targetType))
            return obj;
        throw CastFailure(obj.m_pEEType, targetType);
    }

    // Covariant arrays: a string[] seen as object[] must refuse a store of anything but strings.
    private static void StelemRef(object?[] array, nint index, object? obj)
    {
        if ((nuint)index >= (nuint)array.Length)
            throw new IndexOutOfRangeException();
        ref object? element = ref Unsafe.As<byte, object?>(ref Unsafe.Add(ref Unsafe.As<RawArrayData>(array).Data, index * sizeof(nint)));
        if (obj is null)
        {
            element = null;
            return;
        }
        MethodTable* elementType = array.m_pEEType->RelatedParameterType;
        if (elementType == obj.m_pEEType || elementType == MethodTable.Of<object>() || AreTypesAssignable(obj.m_pEEType, elementType))
        {
            element = obj;
            return;
        }
        throw new ArrayTypeMismatchException(
            "Attempted to store an element of type '" + TypeNames.FullNameOf(obj.m_pEEType)
            + "' in an array of '" + TypeNames.FullNameOf(elementType) + "'.");
    }

    private static ref object? LdelemaRef(object?[] array, nint index, MethodTable* elementType)
    {
        if ((nuint)index >= (nuint)array.Length)
            throw new IndexOutOfRangeException();
        if (array.m_pEEType->RelatedParameterType != elementType)
            throw new ArrayTypeMismatchException();
        return ref Unsafe.As<byte, object?>(ref Unsafe.Add(ref Unsafe.As<RawArrayData>(array).Data, index * sizeof(nint)));
    }

    internal static bool ImplementsInterface(MethodTable* type, MethodTable* interfaceType)
    {
        if (type == interfaceType)
            return true;
        int count = type->NumInterfaces;
        for (int i = 0; i < count; i++)
        {
            if (type->GetInterface(i) == interfaceType)
                return true;
        }
        return false;
    }

    // Whether a value of sourceType can be stored in a location of targetType.
    internal static bool AreTypesAssignable(MethodTable* sourceType, MethodTable* targetType)
    {
        if (sourceType == targetType)
            return true;
        if (targetType->IsInterface)
            return ImplementsInterface(sourceType, targetType);
        if (sourceType->IsArray)
        {
            if (targetType->IsArray)
            {
                if (sourceType->IsSzArray != targetType->IsSzArray)
                    return false;
                MethodTable* sourceElement = sourceType->RelatedParameterType;
                MethodTable* targetElement = targetType->RelatedParameterType;
                if (sourceElement == targetElement)
                    return true;
                // Array covariance holds for reference elements only.
                return !sourceElement->IsValueType && !targetElement->IsValueType && AreTypesAssignable(sourceElement, targetElement);
            }
            return targetType == MethodTable.Of<Array>() || targetType == MethodTable.Of<object>();
        }
        if (targetType->IsNullable && sourceType == targetType->NullableType)
            return true;
        for (MethodTable* type = sourceType->BaseType; type != null; type = type->BaseType)
        {
            if (type == targetType)
                return true;
        }
        return false;
    }

    private static InvalidCastException CastFailure(MethodTable* sourceType, MethodTable* targetType) =>
        new InvalidCastException("Unable to cast object of type '" + TypeNames.FullNameOf(sourceType)
            + "' to type '" + TypeNames.FullNameOf(targetType) + "'.");
}
