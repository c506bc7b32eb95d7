using System;

namespace Uk.Core;

// The ChaCha20 block function (RFC 8439 2.3): 16 words of state (constants, a 256-bit key, a
// counter and a nonce) in, 64 bytes of key stream out. Pure code, so the host tests check it
// against the RFC's vectors; the kernel's generator and its seed pool are built on it.
public static class ChaCha20
{
    public const int BlockBytes = 64;
    public const int KeyWords = 8;

    // "expand 32-byte k"
    public const uint Sigma0 = 0x61707865;
    public const uint Sigma1 = 0x3320646E;
    public const uint Sigma2 = 0x79622D32;
    public const uint Sigma3 = 0x6B206574;

    // 20 rounds over state, then the input added back (the feed-forward that makes the
    // permutation one-way).
    public static void Block(ReadOnlySpan<uint> input, Span<uint> output)
    {
        uint x0 = input[0], x1 = input[1], x2 = input[2], x3 = input[3];
        uint x4 = input[4], x5 = input[5], x6 = input[6], x7 = input[7];
        uint x8 = input[8], x9 = input[9], x10 = input[10], x11 = input[11];
        uint x12 = input[12], x13 = input[13], x14 = input[14], x15 = input[15];
        for (int i = 0; i < 10; i++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }
        output[0] = x0 + input[0];
        output[1] = x1 + input[1];
        output[2] = x2 + input[2];
        output[3] = x3 + input[3];
        output[4] = x4 + input[4];
        output[5] = x5 + input[5];
        output[6] = x6 + input[6];
        output[7] = x7 + input[7];
        output[8] = x8 + input[8];
        output[9] = x9 + input[9];
        output[10] = x10 + input[10];
        output[11] = x11 + input[11];
        output[12] = x12 + input[12];
        output[13] = x13 + input[13];
        output[14] = x14 + input[14];
        output[15] = x15 + input[15];
    }

    // The state for key (8 words), a block counter and a 96-bit nonce (3 words).
    public static void Initialize(Span<uint> state, ReadOnlySpan<uint> key, uint counter, ReadOnlySpan<uint> nonce)
    {
        state[0] = Sigma0;
        state[1] = Sigma1;
        state[2] = Sigma2;
        state[3] = Sigma3;
        for (int i = 0; i < KeyWords; i++)
            state[4 + i] = key[i];
        state[12] = counter;
        state[13] = nonce[0];
        state[14] = nonce[1];
        state[15] = nonce[2];
    }

    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a += b; d ^= a; d = (d << 16) | (d >> 16);
        c += d; b ^= c; b = (b << 12) | (b >> 20);
        a += b; d ^= a; d = (d << 8) | (d >> 24);
        c += d; b ^= c; b = (b << 7) | (b >> 25);
    }
}
