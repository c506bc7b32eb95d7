namespace System;

public readonly unsafe struct UIntPtr : IEquatable<nuint>
{
    private readonly void* _value;

    public static readonly nuint Zero;

    public UIntPtr(uint value) => _value = (void*)value;

    public UIntPtr(ulong value) => _value = (void*)value;

    public UIntPtr(void* value) => _value = value;

    public static int Size => sizeof(nuint);

    public void* ToPointer() => _value;

    public uint ToUInt32() => (uint)(nuint)_value;

    public ulong ToUInt64() => (nuint)_value;

    public bool Equals(nuint other) => (nuint)_value == other;

    public override bool Equals(object? obj) => obj is nuint other && (nuint)_value == other;

    public override int GetHashCode() => (int)(ulong)_value ^ (int)((ulong)_value >> 32);

    public override string ToString() => NumberStrings.Unsigned((nuint)_value, 64, null);

    public string ToString(string? format) => NumberStrings.Unsigned((nuint)_value, 64, format);

    public static explicit operator UIntPtr(uint value) => new UIntPtr(value);

    public static explicit operator UIntPtr(ulong value) => new UIntPtr(value);

    public static explicit operator UIntPtr(void* value) => new UIntPtr(value);

    public static explicit operator void*(UIntPtr value) => value._value;

    public static explicit operator uint(UIntPtr value) => (uint)(ulong)value._value;

    public static explicit operator ulong(UIntPtr value) => (ulong)value._value;

    public static bool operator ==(UIntPtr value1, UIntPtr value2) => value1._value == value2._value;

    public static bool operator !=(UIntPtr value1, UIntPtr value2) => value1._value != value2._value;
}
