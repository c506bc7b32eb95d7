using System;

namespace Uk.Dotnet.Cryptography;

// HMAC (RFC 2104) over any of the digests: the key, hashed first when longer than a block,
// padded to a block and XORed with 0x36 (inner) and 0x5c (outer).
internal sealed class Hmac
{
    private readonly Func<HashState> _create;
    private readonly byte[] _innerPad;
    private readonly byte[] _outerPad;
    private HashState _inner;

    public Hmac(Func<HashState> create, int blockSize, ReadOnlySpan<byte> key)
    {
        _create = create;
        byte[] block = new byte[blockSize];
        if (key.Length > blockSize)
        {
            HashState hashedKey = create();
            hashedKey.Append(key);
            hashedKey.Finish(block.AsSpan(0, hashedKey.HashSize));
        }
        else
        {
            key.CopyTo(block);
        }
        _innerPad = new byte[blockSize];
        _outerPad = new byte[blockSize];
        for (int i = 0; i < blockSize; i++)
        {
            _innerPad[i] = (byte)(block[i] ^ 0x36);
            _outerPad[i] = (byte)(block[i] ^ 0x5c);
        }
        _inner = create();
        Reset();
    }

    private Hmac(Hmac original)
    {
        _create = original._create;
        _innerPad = original._innerPad;
        _outerPad = original._outerPad;
        _inner = original._inner.Clone();
    }

    public int HashSize => _inner.HashSize;

    public void Reset()
    {
        _inner.Reset();
        _inner.Append(_innerPad);
    }

    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    // Writes the code and starts over with the same key.
    public void Finish(Span<byte> destination)
    {
        Span<byte> innerHash = stackalloc byte[_inner.HashSize];
        _inner.Finish(innerHash);
        HashState outer = _create();
        outer.Append(_outerPad);
        outer.Append(innerHash);
        outer.Finish(destination);
        Reset();
    }

    public Hmac Clone() => new(this);
}
