using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Uk.Dotnet.Cryptography;

// SHA-3 and SHAKE (FIPS 202): the Keccak-f[1600] permutation in a sponge. The rate is what
// the capacity leaves of the 200-byte state; SHA-3 pads with the domain bits 01, SHAKE with 1111.
internal sealed class Keccak : HashState
{
    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B, 0x0000000080000001,
        0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003, 0x8000000000008002, 0x8000000000000080,
        0x000000000000800A, 0x800000008000000A, 0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // Rotation of lane x + 5y, and where the pi step moves it.
    private static readonly int[] Rotations =
    [
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
    ];

    private readonly int _rate;
    private readonly byte _domain;
    private readonly int _hashSize;
    private readonly bool _extendable;
    private ulong[] _lanes = new ulong[25];
    private byte[] _block;
    private int _filled;

    private Keccak(int rate, byte domain, int hashSize, bool extendable)
    {
        _extendable = extendable;
        _rate = rate;
        _domain = domain;
        _hashSize = hashSize;
        _block = new byte[rate];
    }

    public static Keccak Sha3(int hashSize) => new(200 - 2 * hashSize, 0x06, hashSize, extendable: false);

    // SHAKE128 and SHAKE256: security 16 or 32 bytes; the output length is the caller's.
    public static Keccak Shake(int securityBytes) => new(200 - 2 * securityBytes, 0x1F, 2 * securityBytes, extendable: true);

    public int Rate => _rate;

    public override int HashSize => _hashSize;

    public override void Append(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            int taken = Math.Min(data.Length, _rate - _filled);
            data[..taken].CopyTo(_block.AsSpan(_filled));
            _filled += taken;
            data = data[taken..];
            if (_filled == _rate)
            {
                Absorb();
                _filled = 0;
            }
        }
    }

    public override void Finish(Span<byte> destination)
    {
        if (!_extendable)
            destination = destination[.._hashSize];
        Array.Clear(_block, _filled, _rate - _filled);
        _block[_filled] ^= _domain;
        _block[_rate - 1] ^= 0x80;
        Absorb();
        Span<byte> lanes = stackalloc byte[200];
        while (true)
        {
            for (int i = 0; i < 25; i++)
                BinaryPrimitives.WriteUInt64LittleEndian(lanes.Slice(i * 8), _lanes[i]);
            int taken = Math.Min(destination.Length, _rate);
            lanes[..taken].CopyTo(destination);
            destination = destination[taken..];
            if (destination.Length == 0)
                break;
            Permute(_lanes);
        }
        Reset();
    }

    public override void Reset()
    {
        Array.Clear(_lanes);
        Array.Clear(_block);
        _filled = 0;
    }

    public override HashState Clone()
    {
        Keccak copy = (Keccak)MemberwiseClone();
        copy._lanes = (ulong[])_lanes.Clone();
        copy._block = (byte[])_block.Clone();
        return copy;
    }

    private void Absorb()
    {
        for (int i = 0; i < _rate / 8; i++)
            _lanes[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(_block.AsSpan(i * 8));
        Permute(_lanes);
    }

    private static void Permute(ulong[] a)
    {
        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (int round = 0; round < 24; round++)
        {
            for (int x = 0; x < 5; x++)
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (int x = 0; x < 5; x++)
            {
                ulong d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5)
                    a[y + x] ^= d;
            }
            for (int x = 0; x < 5; x++)
            {
                for (int y = 0; y < 5; y++)
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = BitOperations.RotateLeft(a[x + 5 * y], Rotations[x + 5 * y]);
            }
            for (int y = 0; y < 25; y += 5)
            {
                for (int x = 0; x < 5; x++)
                    a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
            }
            a[0] ^= RoundConstants[round];
        }
    }
}
