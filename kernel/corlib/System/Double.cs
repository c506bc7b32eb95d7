namespace System;

public readonly struct Double : IEquatable<double>
{
    private readonly double m_value;

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

    public override string ToString() => FloatingText.Format(m_value);
}
