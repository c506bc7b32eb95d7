using System;

namespace Uk.Net.Tcp;

// A fixed-size circular byte buffer: the send buffer (bytes from the oldest unacknowledged
// one on) and the receive buffer (bytes the application has not read). Allocated once per
// connection; nothing on the data path allocates. Released (capacity 0) once the connection
// no longer needs it, so a connection in TIME_WAIT holds no buffers.
public sealed class ByteRing
{
    private static readonly byte[] s_none = Array.Empty<byte>();

    private byte[] _data;
    private int _start;
    private int _count;

    public ByteRing(int capacity) => _data = new byte[capacity];

    public int Capacity => _data.Length;

    public int Count => _count;

    public int Free => _data.Length - _count;

    // Appends as much of source as fits; returns how much that was.
    public int Write(ReadOnlySpan<byte> source)
    {
        int length = Math.Min(source.Length, Free);
        WriteAt(_count, source.Slice(0, length));
        _count += length;
        return length;
    }

    // Stores bytes offset bytes past the end of the valid data without making them valid
    // (out-of-order data waiting for the gap before it). The caller keeps offset + length
    // within Free.
    public void WriteAt(int offset, ReadOnlySpan<byte> source)
    {
        if (source.Length == 0)
            return;
        int position = (_start + offset) % _data.Length;
        int first = Math.Min(source.Length, _data.Length - position);
        source.Slice(0, first).CopyTo(new Span<byte>(_data, position, first));
        source.Slice(first).CopyTo(new Span<byte>(_data, 0, source.Length - first));
    }

    // Makes length more bytes (already stored by WriteAt) part of the valid data.
    public void Commit(int length) => _count += length;

    // Copies bytes starting offset bytes into the valid data, without consuming them.
    public int Peek(int offset, Span<byte> destination)
    {
        int length = Math.Min(destination.Length, _count - offset);
        if (length <= 0)
            return 0;
        int position = (_start + offset) % _data.Length;
        int first = Math.Min(length, _data.Length - position);
        new ReadOnlySpan<byte>(_data, position, first).CopyTo(destination);
        new ReadOnlySpan<byte>(_data, 0, length - first).CopyTo(destination.Slice(first));
        return length;
    }

    public void Discard(int length)
    {
        length = Math.Min(length, _count);
        if (length <= 0)
            return;
        _start = (_start + length) % _data.Length;
        _count -= length;
    }

    // Drops what it holds and its storage; from then on it holds nothing and takes nothing.
    public void Release()
    {
        _data = s_none;
        _start = 0;
        _count = 0;
    }

    public int Read(Span<byte> destination)
    {
        int length = Peek(0, destination);
        Discard(length);
        return length;
    }
}
