namespace System;

public readonly unsafe struct IntPtr : IEquatable<nint>
{
    private readonly void* _value;

    public static readonly nint Zero;

    public IntPtr(int value) => _value = (void*)value;

    public IntPtr(long value) => _value = (void*)value;

    public IntPtr(void* value) => _value = value;

    public static int Size => sizeof(nint);

    public void* ToPointer() => _value;

    public int ToInt32() => (int)(nint)_value;

    public long ToInt64() => (nint)_value;

    public bool Equals(nint other) => (nint)_value == other;

    public override bool Equals(object? obj) => obj is nint other && (nint)_value == other;

    public override int GetHashCode() => (int)(long)_value ^ (int)((long)_value >> 32);

    public override string ToString() => NumberStrings.Signed((nint)_value, 64, null);

    public string ToString(string? format) => NumberStrings.Signed((nint)_value, 64, format);

    public static explicit operator IntPtr(int value) => new IntPtr(value);

    public static explicit operator IntPtr(long value) => new IntPtr(value);

    public static explicit operator IntPtr(void* value) => new IntPtr(value);

    public static explicit operator void*(IntPtr value) => value._value;

    public static explicit operator int(IntPtr value) => (int)(long)value._value;

    public static explicit operator long(IntPtr value) => (long)value._value;

    public static bool operator ==(IntPtr value1, IntPtr value2) => value1._value == value2._value;

    public static bool operator !=(IntPtr value1, IntPtr value2) => value1._value != value2._value;
}
