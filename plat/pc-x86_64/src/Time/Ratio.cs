namespace Uk.Plat.PcX86_64.Time;

// value * numerator / denominator without a 128-bit type: split value by the denominator so
// that no product exceeds numerator * denominator. Exact (rounded down) and overflow-free
// while numerator * denominator < 2^64, e.g. nanoseconds (1e9) against any clock under 18 GHz.
public static class Ratio
{
    public static ulong Scale(ulong value, ulong numerator, ulong denominator)
    {
        ulong whole = value / denominator;
        ulong rest = value % denominator;
        return whole * numerator + rest * numerator / denominator;
    }
}
