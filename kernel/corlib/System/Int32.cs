namespace System;

public readonly struct Int32 : IEquatable<int>, IComparable<int>, IFormattable
{
    private readonly int m_value;

    public const int MinValue = -2147483648;
    public const int MaxValue = 2147483647;

    public override string ToString() => NumberStrings.Signed(m_value, 32, null);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 32, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 32, format);

    public bool Equals(int obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is int other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;
}
