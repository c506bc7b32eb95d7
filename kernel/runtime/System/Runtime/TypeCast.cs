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
        // type), and can match through covariance (object[] from string[]); delegates match
        // through variance (Func<string> is a Func<object>).
        if (obj.m_pEEType->IsArray || targetType->HasGenericVariance)
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

    // Whether an object of `type` is an `interfaceType`: listed in its interface map, or
    // compatible through variance with an interface it lists (IEnumerable<string> is an
    // IEnumerable<object>); an array's interfaces are covariant in its element type.
    internal static bool ImplementsInterface(MethodTable* type, MethodTable* interfaceType) =>
        ImplementsInterface(type, interfaceType, 0);

    private static bool ImplementsInterface(MethodTable* type, MethodTable* interfaceType, int depth)
    {
        if (type == interfaceType)
            return true;
        int count = type->NumInterfaces;
        for (int i = 0; i < count; i++)
        {
            if (type->GetInterface(i) == interfaceType)
                return true;
        }
        return VariantInterfaceIndex(type, interfaceType, depth) >= 0;
    }

    // The index in `type`'s interface map of an interface that is not `interfaceType` but is
    // assignable to it through variance, or -1.
    internal static int VariantInterfaceIndex(MethodTable* type, MethodTable* interfaceType) =>
        VariantInterfaceIndex(type, interfaceType, 0);

    private static int VariantInterfaceIndex(MethodTable* type, MethodTable* interfaceType, int depth)
    {
        if (!interfaceType->HasGenericVariance || !interfaceType->IsGeneric)
            return -1;
        MethodTable* definition = interfaceType->GenericDefinition;
        bool arrayCovariance = type->IsArray;
        int count = type->NumInterfaces;
        for (int i = 0; i < count; i++)
        {
            MethodTable* candidate = type->GetInterface(i);
            if (candidate == interfaceType || !candidate->HasGenericVariance || !candidate->IsGeneric || candidate->GenericDefinition != definition)
                continue;
            if (ArgumentsAreCompatible(candidate, interfaceType, arrayCovariance, depth + 1))
                return i;
        }
        return -1;
    }

    // Two instantiations of one generic definition: each argument pair must match the
    // parameter's variance (arrays force covariance with size equivalence, as .NET does).
    private static bool ArgumentsAreCompatible(MethodTable* source, MethodTable* target, bool arrayCovariance, int depth)
    {
        // Variance can nest without end (I<T> : J<I<I<T>>>); .NET tracks visited pairs, a
        // bound on the depth refuses the same pathological cases.
        if (depth > MaxVarianceDepth)
            return false;
        int arity = target->GenericArity;
        for (int i = 0; i < arity; i++)
        {
            MethodTable* sourceArgument = source->GenericArgument(i);
            MethodTable* targetArgument = target->GenericArgument(i);
            if (sourceArgument == targetArgument)
                continue;
            GenericVariance variance = arrayCovariance ? GenericVariance.ArrayCovariant : target->GetGenericVariance(i);
            bool compatible = variance switch
            {
                GenericVariance.Covariant => IsAssignable(sourceArgument, targetArgument, boxedSource: false, sizeEquivalence: false, depth),
                GenericVariance.Contravariant => IsAssignable(targetArgument, sourceArgument, boxedSource: false, sizeEquivalence: false, depth),
                GenericVariance.ArrayCovariant => IsAssignable(sourceArgument, targetArgument, boxedSource: false, sizeEquivalence: true, depth),
                _ => false,
            };
            if (!compatible)
                return false;
        }
        return true;
    }

    private const int MaxVarianceDepth = 32;

    // Whether a value of sourceType can be stored in a location of targetType, the source
    // being a boxed object (so value types are objects and implement their interfaces).
    internal static bool AreTypesAssignable(MethodTable* sourceType, MethodTable* targetType)
    {
        if (targetType->IsNullable && sourceType->IsValueType && !sourceType->IsNullable)
            return sourceType == targetType->NullableType;
        return IsAssignable(sourceType, targetType, boxedSource: true, sizeEquivalence: false, 0);
    }

    // .NET's assignability: identity, interfaces with variance, arrays by element type (with
    // int[]/uint[] and enum/underlying equivalence), delegates with variance, base classes.
    private static bool IsAssignable(MethodTable* sourceType, MethodTable* targetType, bool boxedSource, bool sizeEquivalence, int depth)
    {
        if (sourceType == targetType)
            return true;
        if (sourceType->IsGenericTypeDefinition || targetType->IsGenericTypeDefinition)
            return false;
        if (targetType->IsInterface)
        {
            if (!boxedSource && sourceType->IsValueType)
                return false;
            if (ImplementsInterface(sourceType, targetType, depth))
                return true;
            // One variant interface seen as another (IEnumerable<string> as IEnumerable<object>).
            return sourceType->IsInterface && targetType->HasGenericVariance && sourceType->HasGenericVariance
                && sourceType->IsGeneric && targetType->IsGeneric && sourceType->GenericDefinition == targetType->GenericDefinition
                && ArgumentsAreCompatible(sourceType, targetType, arrayCovariance: false, depth + 1);
        }
        if (sourceType->IsInterface)
            return targetType == MethodTable.Of<object>();
        if (targetType->IsParameterized)
        {
            if (!sourceType->IsParameterized || sourceType->ElementType != targetType->ElementType
                || !sourceType->IsArray || (!sourceType->IsSzArray && sourceType->BaseSize != targetType->BaseSize))
                return false;
            MethodTable* sourceElement = sourceType->RelatedParameterType;
            MethodTable* targetElement = targetType->RelatedParameterType;
            if (sourceElement->IsParameterized && !sourceElement->IsArray)
                return false;
            return IsAssignable(sourceElement, targetElement, boxedSource: false, sizeEquivalence: true, depth + 1);
        }
        if (sourceType->IsArray)
            return targetType == MethodTable.Of<Array>() || targetType == MethodTable.Of<object>();
        if (sourceType->IsParameterized)
            return false;
        if (sourceType->IsValueType)
        {
            if (sizeEquivalence && targetType->IsPrimitive)
                return sourceType->IsPrimitive && NormalizedIntegralType(sourceType) == NormalizedIntegralType(targetType);
            if (!boxedSource)
                return false;
        }
        if (targetType->HasGenericVariance && sourceType->HasGenericVariance)
        {
            return sourceType->IsGeneric && targetType->IsGeneric && sourceType->GenericDefinition == targetType->GenericDefinition
                && ArgumentsAreCompatible(sourceType, targetType, arrayCovariance: false, depth + 1);
        }
        for (MethodTable* type = sourceType->BaseType; type != null; type = type->BaseType)
        {
            if (type == targetType)
                return true;
        }
        return false;
    }

    // Array elements of one size and signedness-free kind are interchangeable (int[] is a
    // uint[], an enum's array is its underlying type's); bool and char stay apart.
    private static ElementType NormalizedIntegralType(MethodTable* type)
    {
        ElementType kind = type->ElementType;
        return kind switch
        {
            ElementType.SByte => ElementType.Byte,
            ElementType.Int16 => ElementType.UInt16,
            ElementType.Int32 => ElementType.UInt32,
            ElementType.Int64 => ElementType.UInt64,
            ElementType.IntPtr => ElementType.UIntPtr,
            _ => kind,
        };
    }

    private static InvalidCastException CastFailure(MethodTable* sourceType, MethodTable* targetType) =>
        new InvalidCastException("Unable to cast object of type '" + TypeNames.FullNameOf(sourceType)
            + "' to type '" + TypeNames.FullNameOf(targetType) + "'.");
}
