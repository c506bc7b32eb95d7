using System;

namespace Uk.Core;

// A ChaCha20 random generator with fast key erasure (Bernstein, 2017): each block's first 32
// bytes become the next key and only the other 32 are handed out, so the state held after a
// call cannot reproduce what earlier calls returned. Not thread-safe: its owner serialises.
public sealed class ChaCha20Generator
{
    private const int OutputWords = 8;

    private readonly uint[] _key = new uint[ChaCha20.KeyWords];
    private readonly uint[] _state = new uint[16];
    private readonly uint[] _block = new uint[16];
    private readonly uint[] _nonce = new uint[3];
    private int _used = OutputWords;

    // key: 8 words (256 bits) from a seed the caller trusts.
    public ChaCha20Generator(ReadOnlySpan<uint> key) => Rekey(key);

    // A generator for tests and simulations: the same seed gives the same numbers.
    public static ChaCha20Generator FromSeed(ulong seed)
    {
        Span<uint> key = stackalloc uint[ChaCha20.KeyWords];
        key[0] = (uint)seed;
        key[1] = (uint)(seed >> 32);
        return new ChaCha20Generator(key);
    }

    // Replaces the key (new seed material mixed in by the caller); pending output is dropped.
    public void Rekey(ReadOnlySpan<uint> key)
    {
        for (int i = 0; i < ChaCha20.KeyWords; i++)
            _key[i] = key[i];
        _used = OutputWords;
    }

    public uint NextUInt32()
    {
        if (_used == OutputWords)
            Refill();
        uint value = _block[8 + _used];
        _block[8 + _used] = 0;
        _used++;
        return value;
    }

    public ulong NextUInt64() => NextUInt32() | (ulong)NextUInt32() << 32;

    public ushort NextUInt16() => (ushort)NextUInt32();

    public void Fill(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i += 4)
        {
            uint value = NextUInt32();
            for (int b = 0; b < 4 && i + b < destination.Length; b++)
                destination[i + b] = (byte)(value >> (8 * b));
        }
    }

    private void Refill()
    {
        ChaCha20.Initialize(_state, _key, 0, _nonce);
        ChaCha20.Block(_state, _block);
        for (int i = 0; i < ChaCha20.KeyWords; i++)
        {
            _key[i] = _block[i];
            _block[i] = 0;
        }
        _used = 0;
    }
}
