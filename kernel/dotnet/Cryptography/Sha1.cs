using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Uk.Dotnet.Cryptography;

// SHA-1 (FIPS 180-4), for SHA1.HashData and HMACSHA1.
internal sealed class Sha1 : Digest
{
    private uint[] _state = new uint[5];

    public Sha1()
        : base(64, 20) => Initialize();

    protected override void Initialize()
    {
        _state[0] = 0x67452301;
        _state[1] = 0xEFCDAB89;
        _state[2] = 0x98BADCFE;
        _state[3] = 0x10325476;
        _state[4] = 0xC3D2E1F0;
    }

    protected override void Compress(ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[80];
        for (int i = 0; i < 16; i++)
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4));
        for (int i = 16; i < 80; i++)
            w[i] = BitOperations.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4];
        for (int i = 0; i < 80; i++)
        {
            uint f, k;
            if (i < 20)
            {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            }
            else if (i < 40)
            {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            }
            else if (i < 60)
            {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            }
            else
            {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            uint next = BitOperations.RotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = next;
        }
        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
    }

    protected override void WriteHash(Span<byte> destination)
    {
        for (int i = 0; i < 5; i++)
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4), _state[i]);
    }

    protected override void CopyStateFrom(Digest original) => _state = (uint[])((Sha1)original)._state.Clone();
}
