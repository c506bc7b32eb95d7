namespace Uk.Net.Tcp;

// SipHash-2-4 (Aumasson and Bernstein) of a 16-byte message given as two little-endian
// words: a keyed hash whose output an attacker who sees many of them cannot predict for a
// new input without the key. RFC 6528 asks for such a function over the connection's 4-tuple.
public static class SipHash
{
    public static ulong Hash(ulong k0, ulong k1, ulong m0, ulong m1)
    {
        ulong v0 = k0 ^ 0x736F6D6570736575UL;
        ulong v1 = k1 ^ 0x646F72616E646F6DUL;
        ulong v2 = k0 ^ 0x6C7967656E657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        Compress(ref v0, ref v1, ref v2, ref v3, m0);
        Compress(ref v0, ref v1, ref v2, ref v3, m1);
        // The final block: no bytes left over, the message length (16) in the top byte.
        Compress(ref v0, ref v1, ref v2, ref v3, 16UL << 56);
        return Finish(ref v0, ref v1, ref v2, ref v3);
    }

    // The same over a 24-byte message (three words): SYN cookies hash the 4-tuple, the peer's
    // sequence number and their time and MSS fields together.
    public static ulong Hash(ulong k0, ulong k1, ulong m0, ulong m1, ulong m2)
    {
        ulong v0 = k0 ^ 0x736F6D6570736575UL;
        ulong v1 = k1 ^ 0x646F72616E646F6DUL;
        ulong v2 = k0 ^ 0x6C7967656E657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        Compress(ref v0, ref v1, ref v2, ref v3, m0);
        Compress(ref v0, ref v1, ref v2, ref v3, m1);
        Compress(ref v0, ref v1, ref v2, ref v3, m2);
        Compress(ref v0, ref v1, ref v2, ref v3, 24UL << 56);
        return Finish(ref v0, ref v1, ref v2, ref v3);
    }

    private static ulong Finish(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v2 ^= 0xFF;
        for (int i = 0; i < 4; i++)
            Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Compress(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3, ulong m)
    {
        v3 ^= m;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= m;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v1 = Rotate(v1, 13); v1 ^= v0; v0 = Rotate(v0, 32);
        v2 += v3; v3 = Rotate(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Rotate(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Rotate(v1, 17); v1 ^= v2; v2 = Rotate(v2, 32);
    }

    private static ulong Rotate(ulong x, int b) => (x << b) | (x >> (64 - b));
}
