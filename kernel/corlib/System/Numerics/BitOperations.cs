namespace System.Numerics;

// The BCL's bit helpers, written portably: images target x86-64 v1, which has no LZCNT or
// TZCNT, and a binary search is as fast as the BSR loop the JIT would otherwise emit.
public static class BitOperations
{
    // floor(log2(value)); 0 for 0, as the BCL defines it.
    public static int Log2(ulong value)
    {
        int result = 0;
        if (value >= 1UL << 32) { value >>= 32; result += 32; }
        if (value >= 1UL << 16) { value >>= 16; result += 16; }
        if (value >= 1UL << 8) { value >>= 8; result += 8; }
        if (value >= 1UL << 4) { value >>= 4; result += 4; }
        if (value >= 1UL << 2) { value >>= 2; result += 2; }
        if (value >= 1UL << 1) result += 1;
        return result;
    }

    public static int Log2(uint value) => Log2((ulong)value);

    public static int Log2(nuint value) => Log2((ulong)value);

    public static int LeadingZeroCount(ulong value) => value == 0 ? 64 : 63 - Log2(value);

    public static int LeadingZeroCount(uint value) => value == 0 ? 32 : 31 - Log2(value);

    // The index of the lowest set bit; 64 for 0.
    public static int TrailingZeroCount(ulong value) => value == 0 ? 64 : Log2(value & (~value + 1));

    public static int TrailingZeroCount(uint value) => value == 0 ? 32 : Log2(value & (~value + 1));

    public static int TrailingZeroCount(nuint value) => TrailingZeroCount((ulong)value);

    public static bool IsPow2(ulong value) => value != 0 && (value & (value - 1)) == 0;

    public static bool IsPow2(nuint value) => IsPow2((ulong)value);

    public static bool IsPow2(uint value) => IsPow2((ulong)value);

    public static int PopCount(ulong value)
    {
        int count = 0;
        for (; value != 0; value &= value - 1)
            count++;
        return count;
    }
}
