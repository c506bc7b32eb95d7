using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

public unsafe class Object
{
    // The method-table pointer: the one field ILC requires of Object.
    internal MethodTable* m_pEEType;

    public Object() { }

    ~Object() { }

    public Type GetType() => new RuntimeType(m_pEEType);

    public virtual bool Equals(object? obj) => ReferenceEquals(this, obj);

    public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public virtual string? ToString() => GetType().FullName;

    public static bool ReferenceEquals(object? objA, object? objB) => objA == objB;

    public static bool Equals(object? objA, object? objB)
    {
        if (objA == objB)
            return true;
        if (objA is null || objB is null)
            return false;
        return objA.Equals(objB);
    }

    protected object MemberwiseClone()
    {
        MethodTable* mt = m_pEEType;
        nuint size = mt->BaseSize;
        if (mt->HasComponentSize)
            size += (nuint)Unsafe.As<RawArrayData>(this).Length * mt->ComponentSize;
        object clone = Internal.Runtime.Allocation.AllocateUninitialized(mt, size);
        // The clone may be born marked (incremental marking): the references it receives must be
        // shaded like any other store's (Internal.Runtime.WriteBarrier).
        if (mt->ContainsGCPointers)
            Buffer.BulkMoveWithWriteBarrier(ref Unsafe.As<RawData>(clone).Data, ref Unsafe.As<RawData>(this).Data, size - (nuint)sizeof(nint));
        else
            Buffer.Memmove(ref Unsafe.As<RawData>(clone).Data, ref Unsafe.As<RawData>(this).Data, size - (nuint)sizeof(nint));
        return clone;
    }
}
