namespace System;

public readonly struct Int32 : IEquatable<int>, IComparable<int>, IFormattable
{
    private readonly int m_value;

    public const int MinValue = -2147483648;
    public const int MaxValue = 2147483647;

    public override string ToString() => NumberStrings.Signed(m_value);

    public string ToString(string? format) => NumberStrings.Signed(m_value, 32, format);

    public string ToString(string? format, IFormatProvider? provider) => NumberStrings.Signed(m_value, 32, format);

    public bool Equals(int obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is int other && m_value == other;

    public override int GetHashCode() => (int)m_value;

    public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

    public static int Parse(string s) => (int)NumberParsing.ParseSigned(s, MinValue, MaxValue, "an Int32");

    public static bool TryParse(string? s, out int result)
    {
        bool parsed = NumberParsing.TryParseSigned(s is null ? default : s.AsSpan(), MinValue, MaxValue, out long value) == NumberParsing.Status.Ok;
        result = (int)value;
        return parsed;
    }
}
