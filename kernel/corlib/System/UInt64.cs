namespace System;

public readonly struct UInt64 : IEquatable<ulong>, IComparable<ulong>, IFormattable
{
    private readonly ulong m_value;

    public const ulong MinValue = 0;
    public const ulong MaxValue = 18446744073709551615;

    public override string ToString() => NumberStrings.Unsigned(m_value);

    public string ToString(string? format) => NumberStrings.Unsigned(m_value, 64, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Unsigned(m_value, 64, format);

    public bool Equals(ulong obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is ulong other && m_value == other;

    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

    public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static ulong Parse(string s) => (ulong)NumberParsing.ParseUnsigned(s, MaxValue, "an UInt64");

    public static bool TryParse(string? s, out ulong result)
    {
        bool parsed = NumberParsing.TryParseUnsigned(s is null ? default : s.AsSpan(), MaxValue, out ulong value) == NumberParsing.Status.Ok;
        result = (ulong)value;
        return parsed;
    }
}
