using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// The layout ILC 10 emits for a type: fixed header, vtable, interface map, then optional
// relative pointers. Only what casting, dispatch and allocation need is exposed.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MethodTable
{
    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint KindMask = 0x00030000;
    private const uint ParameterizedKind = 0x00020000;
    private const uint GenericTypeDefinitionKind = 0x00030000;
    private const uint HasDispatchMapFlag = 0x00040000;
    private const uint HasFinalizerFlag = 0x00100000;
    private const uint HasSealedVTableEntriesFlag = 0x00400000;
    private const uint GenericVarianceFlag = 0x00800000;
    private const uint HasPointersFlag = 0x01000000;
    private const uint ElementTypeMask = 0x7C000000;
    private const int ElementTypeShift = 26;

    private uint _flags;
    private uint _baseSize;
    private MethodTable* _relatedType;
    private ushort _numVtableSlots;
    private ushort _numInterfaces;
    private uint _hashCode;

    [Intrinsic]
    internal static extern MethodTable* Of<T>();

    internal uint Flags => _flags;

    internal uint BaseSize => _baseSize;

    internal bool HasComponentSize => (_flags & HasComponentSizeFlag) != 0;

    internal ushort ComponentSize => HasComponentSize ? (ushort)_flags : (ushort)0;

    internal uint HashCode => _hashCode;

    internal ushort NumVtableSlots => _numVtableSlots;

    internal ushort NumInterfaces => _numInterfaces;

    internal ElementType ElementType => (ElementType)((_flags & ElementTypeMask) >> ElementTypeShift);

    internal bool IsParameterized => (_flags & KindMask) == ParameterizedKind;

    internal bool IsGenericTypeDefinition => (_flags & KindMask) == GenericTypeDefinitionKind;

    internal bool IsArray => ElementType is ElementType.Array or ElementType.SzArray;

    internal bool IsSzArray => ElementType == ElementType.SzArray;

    internal bool IsInterface => ElementType == ElementType.Interface;

    internal bool IsValueType => ElementType < ElementType.Class && ElementType != ElementType.Unknown;

    internal bool IsNullable => ElementType == ElementType.Nullable;

    internal bool IsPrimitive => ElementType is > ElementType.Void and < ElementType.ValueType;

    internal bool IsFinalizable => (_flags & HasFinalizerFlag) != 0;

    internal bool HasGenericVariance => (_flags & GenericVarianceFlag) != 0;

    internal bool ContainsGCPointers => (_flags & HasPointersFlag) != 0;

    internal bool HasDispatchMap => (_flags & HasDispatchMapFlag) != 0;

    internal bool HasSealedVTableEntries => (_flags & HasSealedVTableEntriesFlag) != 0;

    // For classes the base type; for arrays and pointers the element type.
    internal MethodTable* BaseType => IsParameterized ? null : _relatedType;

    internal MethodTable* RelatedParameterType => IsParameterized ? _relatedType : null;

    // The type boxed inside a Nullable<T>: its single generic argument.
    internal MethodTable* NullableType => GenericArgument(0);

    // Where the value sits inside a Nullable<T>; ILC stores log2 of it in the low flag bits.
    internal int NullableValueOffset => 1 << (int)((_flags & 0x700) >> 8);

    // Boxed value size: the base size less the object header and method-table pointer.
    internal uint ValueTypeSize => _baseSize - (uint)(2 * sizeof(nint)) - ValueTypePadding;

    private uint ValueTypePadding => 0;

    internal nint* Vtable => (nint*)((byte*)Unsafe.AsPointer(ref this) + sizeof(MethodTable));

    internal MethodTable** InterfaceMap => (MethodTable**)(Vtable + _numVtableSlots);

    internal MethodTable* GetInterface(int index) => InterfaceMap[index];

    // Relative pointers follow the interface map: type manager, writable data, then the
    // optional ones in a fixed order (dispatch map, finalizer, sealed vtable, generics).
    private byte* OptionalFieldsStart => (byte*)(InterfaceMap + _numInterfaces) + 2 * sizeof(int);

    private static byte* FollowRelative(byte* cell) => cell + *(int*)cell;

    internal DispatchMap* DispatchMap => HasDispatchMap ? (DispatchMap*)FollowRelative(OptionalFieldsStart) : null;

    private byte* SealedVTableCell
    {
        get
        {
            byte* cell = OptionalFieldsStart;
            if (HasDispatchMap)
                cell += sizeof(int);
            if (IsFinalizable)
                cell += sizeof(int);
            return cell;
        }
    }

    internal nint GetSealedVirtualSlot(int index)
    {
        int* table = (int*)FollowRelative(SealedVTableCell);
        return (nint)((byte*)&table[index] + table[index]);
    }

    private byte* GenericDefinitionCell => SealedVTableCell + (HasSealedVTableEntries ? sizeof(int) : 0);

    internal bool IsGeneric => (_flags & 0x02000000) != 0;

    internal MethodTable* GenericDefinition => IsGeneric ? (MethodTable*)FollowRelative(GenericDefinitionCell) : null;

    internal int GenericArity => (int)GenericDefinition->GenericParameterCount;

    // With one generic argument the composition cell points straight at it; with more it
    // points at a list of relative pointers, one per argument.
    internal MethodTable* GenericArgument(int index)
    {
        byte* compositionCell = GenericDefinitionCell + sizeof(int);
        if (GenericDefinition->GenericParameterCount == 1)
            return (MethodTable*)FollowRelative(compositionCell);
        byte* list = FollowRelative(compositionCell);
        return (MethodTable*)FollowRelative(list + index * sizeof(int));
    }

    // The declared variance of a generic interface's or delegate's parameter. A definition
    // with variance keeps a relative pointer to one byte per parameter where an instantiation
    // keeps its arguments; the array interfaces (IList<T>, ...) carry the variance flag with
    // non-variant parameters, since only arrays make them covariant.
    internal GenericVariance GetGenericVariance(int index)
    {
        MethodTable* definition = IsGeneric ? GenericDefinition : (MethodTable*)Unsafe.AsPointer(ref this);
        if (!definition->HasGenericVariance)
            return GenericVariance.NonVariant;
        byte* variances = FollowRelative(definition->GenericDefinitionCell);
        return (GenericVariance)variances[index];
    }

    // ILC 10 stores a generic definition's parameter count in its base-size field.
    internal uint GenericParameterCount => _baseSize;
}

internal enum GenericVariance : byte
{
    NonVariant = 0,
    Covariant = 1,
    Contravariant = 2,
    ArrayCovariant = 0x20,
}

internal enum ElementType
{
    Unknown = 0x00,
    Void = 0x01,
    Boolean = 0x02,
    Char = 0x03,
    SByte = 0x04,
    Byte = 0x05,
    Int16 = 0x06,
    UInt16 = 0x07,
    Int32 = 0x08,
    UInt32 = 0x09,
    Int64 = 0x0A,
    UInt64 = 0x0B,
    IntPtr = 0x0C,
    UIntPtr = 0x0D,
    Single = 0x0E,
    Double = 0x0F,
    ValueType = 0x10,
    Nullable = 0x12,
    Class = 0x14,
    Interface = 0x15,
    SystemArray = 0x16,
    Array = 0x17,
    SzArray = 0x18,
    ByRef = 0x19,
    Pointer = 0x1A,
    FunctionPointer = 0x1B,
}

[StructLayout(LayoutKind.Sequential)]
internal struct DispatchMap
{
    public ushort StandardEntryCount;
    public ushort DefaultEntryCount;
    public ushort StandardStaticEntryCount;
    public ushort DefaultStaticEntryCount;
    // Entries of DispatchMapEntry follow.
}

[StructLayout(LayoutKind.Sequential)]
internal struct DispatchMapEntry
{
    public ushort InterfaceIndex;
    public ushort InterfaceMethodSlot;
    public ushort ImplementationMethodSlot;
}
