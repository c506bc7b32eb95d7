namespace System;

public readonly struct Single : IEquatable<float>, IComparable<float>, IFormattable
{
    private readonly float m_value;

    public const float MinValue = -3.40282347E+38f;
    public const float MaxValue = 3.40282347E+38f;
    public const float Epsilon = 1.401298E-45f;
    public const float NaN = 0.0f / 0.0f;
    public const float PositiveInfinity = 1.0f / 0.0f;
    public const float NegativeInfinity = -1.0f / 0.0f;

    public bool Equals(float obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

#pragma warning disable CS1718 // NaN is the one value unequal to itself.
    public static bool IsNaN(float f) => f != f;
#pragma warning restore CS1718

    public override bool Equals(object? obj) => obj is float other && Equals(other);

    public override unsafe int GetHashCode()
    {
        float value = m_value;
        return *(int*)&value;
    }

    public override string ToString() => FloatingText.Format(m_value, null);

    public string ToString(string? format) => FloatingText.Format(m_value, format);

    public string ToString(string? format, IFormatProvider? provider) => FloatingText.Format(m_value, format);

    public int CompareTo(float value) =>
        m_value < value ? -1 : m_value > value ? 1 : m_value == value ? 0 : IsNaN(m_value) ? (IsNaN(value) ? 0 : -1) : 1;
}
