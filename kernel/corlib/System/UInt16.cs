namespace System;

public readonly struct UInt16 : IEquatable<ushort>, IComparable<ushort>, IFormattable
{
    private readonly ushort m_value;

    public const ushort MinValue = 0;
    public const ushort MaxValue = 65535;

    public override string ToString() => NumberStrings.Unsigned(m_value);

    public string ToString(string? format) => NumberStrings.Unsigned(m_value, 16, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Unsigned(m_value, 16, format);

    public bool Equals(ushort obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is ushort other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(ushort value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static ushort Parse(string s) => (ushort)NumberParsing.ParseUnsigned(s, MaxValue, "an UInt16");

    public static bool TryParse(string? s, out ushort result)
    {
        bool parsed = NumberParsing.TryParseUnsigned(s is null ? default : s.AsSpan(), MaxValue, out ulong value) == NumberParsing.Status.Ok;
        result = (ushort)value;
        return parsed;
    }
}
