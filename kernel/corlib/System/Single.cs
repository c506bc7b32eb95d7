namespace System;

public readonly struct Single : IEquatable<float>
{
    private readonly float m_value;

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

    // Floating-point text conversion is not in this subset; whole values print exactly.
    public override string ToString() => FloatingText.Format(m_value);
}
