namespace System;

public readonly struct Int16 : IEquatable<short>, IComparable<short>, IFormattable
{
    private readonly short m_value;

    public const short MinValue = -32768;
    public const short MaxValue = 32767;

    public override string ToString() => NumberStrings.Signed(m_value);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 16, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 16, format);

    public bool Equals(short obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is short other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(short value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static short Parse(string s) => (short)NumberParsing.ParseSigned(s, MinValue, MaxValue, "an Int16");

    public static bool TryParse(string? s, out short result)
    {
        bool parsed = NumberParsing.TryParseSigned(s is null ? default : s.AsSpan(), MinValue, MaxValue, out long value) == NumberParsing.Status.Ok;
        result = (short)value;
        return parsed;
    }
}
