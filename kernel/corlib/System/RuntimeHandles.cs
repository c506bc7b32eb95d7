using Internal.Runtime;

namespace System;

public unsafe struct RuntimeTypeHandle : IEquatable<RuntimeTypeHandle>
{
    private readonly nint _value;

    internal RuntimeTypeHandle(MethodTable* methodTable) => _value = (nint)methodTable;

    internal bool IsNull => _value == 0;

    internal MethodTable* ToMethodTable() => (MethodTable*)_value;

    public nint Value => _value;

    public bool Equals(RuntimeTypeHandle handle) => _value == handle._value;

    public override bool Equals(object? obj) => obj is RuntimeTypeHandle other && Equals(other);

    public override int GetHashCode() => (int)_value ^ (int)((long)_value >> 32);
}

public struct RuntimeMethodHandle
{
    private readonly nint _value;

    public nint Value => _value;
}

public struct RuntimeFieldHandle
{
    private readonly nint _value;

    public nint Value => _value;
}

public struct RuntimeArgumentHandle
{
    private readonly nint _value;
}

public struct TypedReference
{
}
