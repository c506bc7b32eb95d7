namespace System;

public readonly struct Int16 : IEquatable<short>, IComparable<short>, IFormattable
{
    private readonly short m_value;

    public const short MinValue = -32768;
    public const short MaxValue = 32767;

    public override string ToString() => NumberStrings.Signed(m_value, 16, null);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 16, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 16, format);

    public bool Equals(short obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is short other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(short value) => m_value < value ? -1 : m_value > value ? 1 : 0;
}
