using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Uk.Dotnet.Cryptography;

// SHA-1 (FIPS 180-4), which .NET still offers for compatibility.
internal sealed class Sha1Function : HashFunction
{
    private uint[] _state = new uint[5];
    private uint[] _schedule = new uint[80];

    public Sha1Function()
        : base(64) => Reset();

    public override int Size => 20;

    protected override bool LengthIsBigEndian => true;

    public override void Reset()
    {
        ResetBuffer();
        _state[0] = 0x67452301u;
        _state[1] = 0xEFCDAB89u;
        _state[2] = 0x98BADCFEu;
        _state[3] = 0x10325476u;
        _state[4] = 0xC3D2E1F0u;
    }

    protected override void Compress(ReadOnlySpan<byte> block)
    {
        uint[] w = _schedule;
        for (int i = 0; i < 16; i++)
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * i)..]);
        for (int i = 16; i < 80; i++)
            w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4];
        for (int i = 0; i < 80; i++)
        {
            (uint f, uint k) = (i / 20) switch
            {
                0 => ((b & c) | (~b & d), 0x5A827999u),
                1 => (b ^ c ^ d, 0x6ED9EBA1u),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                _ => (b ^ c ^ d, 0xCA62C1D6u),
            };
            uint temp = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = temp;
        }
        _state[0] += a; _state[1] += b; _state[2] += c; _state[3] += d; _state[4] += e;
    }

    protected override void WriteDigest(Span<byte> destination)
    {
        for (int i = 0; i < 5; i++)
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], _state[i]);
    }

    protected override void CopyStateFrom(HashFunction original)
    {
        _state = (uint[])((Sha1Function)original)._state.Clone();
        _schedule = new uint[80];
    }
}
