namespace System;

public readonly struct UInt32 : IEquatable<uint>, IComparable<uint>, IFormattable
{
    private readonly uint m_value;

    public const uint MinValue = 0;
    public const uint MaxValue = 4294967295;

    public override string ToString() => NumberStrings.Unsigned(m_value);

    public string ToString(string? format) => NumberStrings.Unsigned(m_value, 32, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Unsigned(m_value, 32, format);

    public bool Equals(uint obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is uint other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static uint Parse(string s) => (uint)NumberParsing.ParseUnsigned(s, MaxValue, "an UInt32");

    public static bool TryParse(string? s, out uint result)
    {
        bool parsed = NumberParsing.TryParseUnsigned(s is null ? default : s.AsSpan(), MaxValue, out ulong value) == NumberParsing.Status.Ok;
        result = (uint)value;
        return parsed;
    }
}
