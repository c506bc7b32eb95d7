namespace Uk.Alloc.Tlsf;

// Bit arithmetic on block sizes. The kernel's corlib has no BitOperations, and a lookup table
// would need static data before the heap exists, so these are branchy but allocation-free.
internal static class Bits
{
    // floor(log2(value)) for value > 0, by binary search over the bit positions.
    public static int Log2Floor(ulong value)
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

    // ceil(log2(value)) for value > 0.
    public static int Log2Ceiling(ulong value) => value <= 1 ? 0 : Log2Floor(value - 1) + 1;

    // Index of the lowest set bit; 64 for zero.
    public static int TrailingZeros(ulong value) => value == 0 ? 64 : Log2Floor(value & (~value + 1));

    public static bool IsPowerOfTwo(nuint value) => value != 0 && (value & (value - 1)) == 0;
}
