using System;
using System.Buffers.Binary;

namespace Uk.Dotnet.Cryptography;

// A Merkle-Damgard hash (MD5, the SHA-1 and SHA-2 families): data is gathered into blocks,
// each compressed into the state; the end pads with 0x80, zeros and the message length in
// bits. Derived classes hold the state and the compression function.
internal abstract class Digest : HashState
{
    private byte[] _block;
    private int _filled;
    private ulong _length;

    protected Digest(int blockSize, int hashSize)
    {
        _block = new byte[blockSize];
        HashSize = hashSize;
    }

    public override int HashSize { get; }

    // Bytes of the length field at the end of the padding (8, or 16 for SHA-512's 128 bits).
    protected virtual int LengthFieldSize => 8;

    // MD5 writes its length and words little-endian; the SHA family big-endian.
    protected virtual bool LittleEndian => false;

    public override void Append(ReadOnlySpan<byte> data)
    {
        _length += (ulong)data.Length;
        if (_filled > 0)
        {
            int taken = Math.Min(data.Length, _block.Length - _filled);
            data[..taken].CopyTo(_block.AsSpan(_filled));
            _filled += taken;
            data = data[taken..];
            if (_filled < _block.Length)
                return;
            Compress(_block);
            _filled = 0;
        }
        while (data.Length >= _block.Length)
        {
            Compress(data[.._block.Length]);
            data = data[_block.Length..];
        }
        data.CopyTo(_block);
        _filled = data.Length;
    }

    // Writes the hash and starts over, as a finished OpenSSL context is reset before reuse.
    public override void Finish(Span<byte> destination)
    {
        ulong bits = _length * 8;
        Span<byte> padding = stackalloc byte[_block.Length * 2];
        padding.Clear();
        padding[0] = 0x80;
        int padded = _block.Length - _filled;
        if (padded < 1 + LengthFieldSize)
            padded += _block.Length;
        Span<byte> length = padding.Slice(padded - 8, 8);
        if (LittleEndian)
            BinaryPrimitives.WriteUInt64LittleEndian(length, bits);
        else
            BinaryPrimitives.WriteUInt64BigEndian(length, bits);
        Append(padding[..padded]);
        WriteHash(destination[..HashSize]);
        Reset();
    }

    public override void Reset()
    {
        _filled = 0;
        _length = 0;
        Array.Clear(_block);
        Initialize();
    }

    public override HashState Clone()
    {
        Digest copy = (Digest)MemberwiseClone();
        copy._block = (byte[])_block.Clone();
        copy.CopyStateFrom(this);
        return copy;
    }

    protected abstract void Initialize();

    protected abstract void Compress(ReadOnlySpan<byte> block);

    protected abstract void WriteHash(Span<byte> destination);

    // Called on a MemberwiseClone: give the copy state arrays of its own.
    protected abstract void CopyStateFrom(Digest original);
}
