namespace System;

public readonly struct Double : IEquatable<double>, IComparable<double>, IFormattable
{
    private readonly double m_value;

    public const double MinValue = -1.7976931348623157E+308;
    public const double MaxValue = 1.7976931348623157E+308;
    public const double Epsilon = 4.9406564584124654E-324;
    public const double NaN = 0.0 / 0.0;
    public const double PositiveInfinity = 1.0 / 0.0;
    public const double NegativeInfinity = -1.0 / 0.0;

    public bool Equals(double obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

#pragma warning disable CS1718 // NaN is the one value unequal to itself.
    public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718

    public override bool Equals(object? obj) => obj is double other && Equals(other);

    public override unsafe int GetHashCode()
    {
        double value = m_value;
        long bits = *(long*)&value;
        return (int)bits ^ (int)(bits >> 32);
    }

    public override string ToString() => FloatingText.Format(m_value, null);

    public string ToString(string? format) => FloatingText.Format(m_value, format);

    public string ToString(string? format, IFormatProvider? provider) => FloatingText.Format(m_value, format);

    public int CompareTo(double value) =>
        m_value < value ? -1 : m_value > value ? 1 : m_value == value ? 0 : IsNaN(m_value) ? (IsNaN(value) ? 0 : -1) : 1;

    public static bool IsInfinity(double d) => d == PositiveInfinity || d == NegativeInfinity;

    public static bool IsFinite(double d) => !IsNaN(d) && !IsInfinity(d);
}
