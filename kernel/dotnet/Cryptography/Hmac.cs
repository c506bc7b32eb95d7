using System;

namespace Uk.Dotnet.Cryptography;

// HMAC (RFC 2104) over one of the hash functions: H((K ^ opad) || H((K ^ ipad) || message)).
internal sealed class Hmac
{
    private readonly byte[] _innerPad;
    private readonly byte[] _outerPad;
    private HashFunction _inner;
    private HashFunction _outer;

    public Hmac(HashFunction inner, HashFunction outer, ReadOnlySpan<byte> key)
    {
        _inner = inner;
        _outer = outer;
        int blockSize = inner.BlockSize;
        byte[] block = new byte[blockSize];
        if (key.Length > blockSize)
        {
            inner.Append(key);
            inner.Finish(block);
            inner.Reset();
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
            _outerPad[i] = (byte)(block[i] ^ 0x5C);
        }
        Reset();
    }

    private Hmac(Hmac original)
    {
        _innerPad = original._innerPad;
        _outerPad = original._outerPad;
        _inner = original._inner.Clone();
        _outer = original._outer.Clone();
    }

    public int Size => _inner.Size;

    public void Reset()
    {
        _inner.Reset();
        _inner.Append(_innerPad);
    }

    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    // The MAC of what was appended; Reset starts the next message.
    public void Finish(Span<byte> destination)
    {
        Span<byte> innerDigest = stackalloc byte[_inner.Size];
        _inner.Finish(innerDigest);
        _outer.Reset();
        _outer.Append(_outerPad);
        _outer.Append(innerDigest);
        _outer.Finish(destination);
    }

    public Hmac Clone() => new(this);
}
