namespace System;

public readonly struct Char : IEquatable<char>, IComparable<char>
{
    private readonly char m_value;

    public const char MinValue = (char)0;
    public const char MaxValue = (char)0xFFFF;

    public override string ToString() => new string(m_value, 1);

    public bool Equals(char obj) => m_value == obj;

    public override bool Equals(object? obj) => obj is char other && m_value == other;

    public override int GetHashCode() => m_value | (m_value << 16);

    public int CompareTo(char value) => m_value - value;

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    public static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085';

    public static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    public static bool IsLower(char c) => c >= 'a' && c <= 'z';

    public static char ToUpperInvariant(char c) => IsLower(c) ? (char)(c - 32) : c;

    public static char ToLowerInvariant(char c) => IsUpper(c) ? (char)(c + 32) : c;
}
