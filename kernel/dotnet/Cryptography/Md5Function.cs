using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Uk.Dotnet.Cryptography;

// MD5 (RFC 1321), which .NET still offers for compatibility.
internal sealed class Md5Function : HashFunction
{
    private static readonly uint[] Md5Sines =
    [
        0xD76AA478u, 0xE8C7B756u, 0x242070DBu, 0xC1BDCEEEu, 0xF57C0FAFu, 0x4787C62Au, 0xA8304613u, 0xFD469501u,
        0x698098D8u, 0x8B44F7AFu, 0xFFFF5BB1u, 0x895CD7BEu, 0x6B901122u, 0xFD987193u, 0xA679438Eu, 0x49B40821u,
        0xF61E2562u, 0xC040B340u, 0x265E5A51u, 0xE9B6C7AAu, 0xD62F105Du, 0x02441453u, 0xD8A1E681u, 0xE7D3FBC8u,
        0x21E1CDE6u, 0xC33707D6u, 0xF4D50D87u, 0x455A14EDu, 0xA9E3E905u, 0xFCEFA3F8u, 0x676F02D9u, 0x8D2A4C8Au,
        0xFFFA3942u, 0x8771F681u, 0x6D9D6122u, 0xFDE5380Cu, 0xA4BEEA44u, 0x4BDECFA9u, 0xF6BB4B60u, 0xBEBFBC70u,
        0x289B7EC6u, 0xEAA127FAu, 0xD4EF3085u, 0x04881D05u, 0xD9D4D039u, 0xE6DB99E5u, 0x1FA27CF8u, 0xC4AC5665u,
        0xF4292244u, 0x432AFF97u, 0xAB9423A7u, 0xFC93A039u, 0x655B59C3u, 0x8F0CCC92u, 0xFFEFF47Du, 0x85845DD1u,
        0x6FA87E4Fu, 0xFE2CE6E0u, 0xA3014314u, 0x4E0811A1u, 0xF7537E82u, 0xBD3AF235u, 0x2AD7D2BBu, 0xEB86D391u,
    ];

    private static readonly int[] Shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

    private uint[] _state = new uint[4];

    public Md5Function()
        : base(64) => Reset();

    public override int Size => 16;

    protected override bool LengthIsBigEndian => false;

    public override void Reset()
    {
        ResetBuffer();
        _state[0] = 0x67452301u;
        _state[1] = 0xEFCDAB89u;
        _state[2] = 0x98BADCFEu;
        _state[3] = 0x10325476u;
    }

    protected override void Compress(ReadOnlySpan<byte> block)
    {
        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
        for (int i = 0; i < 64; i++)
        {
            int round = i / 16;
            (uint f, int word) = round switch
            {
                0 => ((b & c) | (~b & d), i),
                1 => ((d & b) | (~d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | ~d), 7 * i % 16),
            };
            uint rotated = BitOperations.RotateLeft(a + f + Md5Sines[i] + BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * word)..]), Shifts[round * 4 + i % 4]);
            a = d;
            d = c;
            c = b;
            b += rotated;
        }
        _state[0] += a; _state[1] += b; _state[2] += c; _state[3] += d;
    }

    protected override void WriteDigest(Span<byte> destination)
    {
        for (int i = 0; i < 4; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 * i)..], _state[i]);
    }

    protected override void CopyStateFrom(HashFunction original) => _state = (uint[])((Md5Function)original)._state.Clone();
}
