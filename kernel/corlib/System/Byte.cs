namespace System;

public readonly struct Byte : IEquatable<byte>, IComparable<byte>, IFormattable
{
    private readonly byte m_value;

    public const byte MinValue = 0;
    public const byte MaxValue = 255;

    public override string ToString() => NumberStrings.Unsigned(m_value);

    public string ToString(string? format) => NumberStrings.Unsigned(m_value, 8, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Unsigned(m_value, 8, format);

    public bool Equals(byte obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is byte other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(byte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static byte Parse(string s) => (byte)NumberParsing.ParseUnsigned(s, MaxValue, "a Byte");

    public static bool TryParse(string? s, out byte result)
    {
        bool parsed = NumberParsing.TryParseUnsigned(s is null ? default : s.AsSpan(), MaxValue, out ulong value) == NumberParsing.Status.Ok;
        result = (byte)value;
        return parsed;
    }
}
