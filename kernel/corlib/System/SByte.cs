namespace System;

public readonly struct SByte : IEquatable<sbyte>, IComparable<sbyte>, IFormattable
{
    private readonly sbyte m_value;

    public const sbyte MinValue = -128;
    public const sbyte MaxValue = 127;

    public override string ToString() => NumberStrings.Signed(m_value);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 8, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 8, format);

    public bool Equals(sbyte obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is sbyte other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(sbyte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static sbyte Parse(string s) => (sbyte)NumberParsing.ParseSigned(s, MinValue, MaxValue, "a SByte");

    public static bool TryParse(string? s, out sbyte result)
    {
        bool parsed = NumberParsing.TryParseSigned(s is null ? default : s.AsSpan(), MinValue, MaxValue, out long value) == NumberParsing.Status.Ok;
        result = (sbyte)value;
        return parsed;
    }
}
