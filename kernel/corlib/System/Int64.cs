namespace System;

public readonly struct Int64 : IEquatable<long>, IComparable<long>, IFormattable
{
    private readonly long m_value;

    public const long MinValue = unchecked((long)0x8000000000000000);
    public const long MaxValue = 9223372036854775807;

    public override string ToString() => NumberStrings.Signed(m_value);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 64, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 64, format);

    public bool Equals(long obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is long other && m_value == other;

    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

    public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static long Parse(string s) => (long)NumberParsing.ParseSigned(s, MinValue, MaxValue, "an Int64");

    public static bool TryParse(string? s, out long result)
    {
        bool parsed = NumberParsing.TryParseSigned(s is null ? default : s.AsSpan(), MinValue, MaxValue, out long value) == NumberParsing.Status.Ok;
        result = (long)value;
        return parsed;
    }
}
