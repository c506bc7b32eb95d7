using System;

namespace Uk.Dotnet.Cryptography;

// A Merkle-Damgard hash (MD5, SHA-1, SHA-2): input collects into blocks, each block is
// compressed into the state, and the end pads with 0x80, zeros and the length in bits.
internal abstract class HashFunction
{
    private byte[] _block;
    private int _filled;
    private ulong _length;

    protected HashFunction(int blockSize) => _block = new byte[blockSize];

    public abstract int Size { get; }

    public int BlockSize => _block.Length;

    // MD5 writes the length little-endian, SHA big-endian; SHA-512's is 128 bits.
    protected abstract bool LengthIsBigEndian { get; }

    protected virtual int LengthBytes => 8;

    public abstract void Reset();

    protected void ResetBuffer()
    {
        _filled = 0;
        _length = 0;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += (ulong)data.Length;
        while (data.Length > 0)
        {
            int take = Math.Min(data.Length, _block.Length - _filled);
            data[..take].CopyTo(_block.AsSpan(_filled));
            _filled += take;
            data = data[take..];
            if (_filled == _block.Length)
            {
                Compress(_block);
                _filled = 0;
            }
        }
    }

    // The digest of what was appended; the function must be reset before further use.
    public void Finish(Span<byte> destination)
    {
        ulong bits = _length * 8;
        _block[_filled++] = 0x80;
        if (_filled > _block.Length - LengthBytes)
        {
            _block.AsSpan(_filled).Clear();
            Compress(_block);
            _filled = 0;
        }
        _block.AsSpan(_filled).Clear();
        Span<byte> lengthField = _block.AsSpan(_block.Length - 8);
        for (int i = 0; i < 8; i++)
            lengthField[LengthIsBigEndian ? 7 - i : i] = (byte)(bits >> (8 * i));
        Compress(_block);
        WriteDigest(destination[..Size]);
    }

    public HashFunction Clone()
    {
        var copy = (HashFunction)MemberwiseClone();
        copy._block = (byte[])_block.Clone();
        copy.CopyStateFrom(this);
        return copy;
    }

    protected abstract void Compress(ReadOnlySpan<byte> block);

    protected abstract void WriteDigest(Span<byte> destination);

    // A clone's own copy of the state arrays (MemberwiseClone shares them).
    protected abstract void CopyStateFrom(HashFunction original);
}
