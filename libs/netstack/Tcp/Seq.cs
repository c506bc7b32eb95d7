namespace Uk.Net.Tcp;

// Sequence-number comparisons modulo 2^32 (RFC 793 3.3): a is "before" b when the signed
// distance from b to a is negative, which stays right across wrap-around.
public static class Seq
{
    public static bool Lt(uint a, uint b) => (int)(a - b) < 0;

    public static bool Le(uint a, uint b) => (int)(a - b) <= 0;

    public static bool Gt(uint a, uint b) => (int)(a - b) > 0;

    public static bool Ge(uint a, uint b) => (int)(a - b) >= 0;

    // start <= value < start + length
    public static bool InWindow(uint value, uint start, uint length) => value - start < length;
}
