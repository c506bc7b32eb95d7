using System;

namespace Uk.Net.Tcp;

// A circular byte buffer of a fixed logical capacity: the send buffer (bytes from the oldest
// unacknowledged one on) and the receive buffer (bytes the application has not read). Its
// storage starts empty and grows (doubling) only when bytes need it, so an idle connection
// costs nothing here however large its buffers may become; once grown it stays, so a steady
// transfer allocates nothing. Released (capacity 0) once the connection no longer needs it,
// so a connection in TIME_WAIT holds no buffers.
public sealed class ByteRing
{
    private static readonly byte[] s_none = Array.Empty<byte>();

    // The first storage: one segment and a bit. Arrays carry a header, so each size stays a
    // little under a power of two and fits one heap block of that size.
    private const int FirstStorage = 4096 - ArrayOverhead;
    private const int ArrayOverhead = 64;

    private byte[] _data = s_none;
    private int _capacity;
    private int _start;
    private int _count;
    private bool _growthFailed;

    // firstStorage: allocate the first storage now (an OutOfMemoryException reaches the
    // caller), for a ring that must always be able to take some bytes.
    public ByteRing(int capacity, bool firstStorage = false)
    {
        _capacity = capacity;
        if (firstStorage && capacity > 0)
            _data = new byte[Math.Min(capacity, FirstStorage)];
    }

    public int Capacity => _capacity;

    // Bytes of storage allocated now (at most Capacity).
    public int Allocated => _data.Length;

    public int Count => _count;

    public int Free => _capacity - _count;

    // What a Write can take without new storage once growing failed (no memory), else Free:
    // a writer that waits for room then waits for bytes to leave, not for memory nobody
    // announces.
    public int Writable => _growthFailed ? _data.Length - _count : Free;

    // Appends as much of source as fits (in Capacity, and in storage the heap could give);
    // returns how much that was.
    public int Write(ReadOnlySpan<byte> source)
    {
        int length = Math.Min(source.Length, Free);
        if (!TryReserve(_count + length))
            length = Math.Min(length, _data.Length - _count);
        WriteAt(_count, source.Slice(0, length));
        _count += length;
        return length;
    }

    // Stores bytes offset bytes past the start of the valid data (beyond its end: out-of-order
    // data waiting for the gap before it) without making them valid. The caller keeps offset +
    // length within Capacity; false when the storage for them could not be had.
    public bool TryWriteAt(int offset, ReadOnlySpan<byte> source)
    {
        if (!TryReserve(offset + source.Length))
            return false;
        WriteAt(offset, source);
        return true;
    }

    private void WriteAt(int offset, ReadOnlySpan<byte> source)
    {
        if (source.Length == 0)
            return;
        int position = (_start + offset) % _data.Length;
        int first = Math.Min(source.Length, _data.Length - position);
        source.Slice(0, first).CopyTo(new Span<byte>(_data, position, first));
        source.Slice(first).CopyTo(new Span<byte>(_data, 0, source.Length - first));
    }

    // Makes length more bytes (already stored by TryWriteAt) part of the valid data.
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
        _capacity = 0;
        _start = 0;
        _count = 0;
    }

    public int Read(Span<byte> destination)
    {
        int length = Peek(0, destination);
        Discard(length);
        return length;
    }

    // Storage for the first needed bytes (counted from the start of the valid data): grows by
    // doubling up to Capacity, moving what is stored (out-of-order bytes past the valid ones
    // included) to the front. False when the heap has no room for the larger array.
    private bool TryReserve(int needed)
    {
        if (needed <= _data.Length)
            return true;
        if (needed > _capacity)
            return false;
        int size = _data.Length == 0 ? FirstStorage : _data.Length;
        while (size < needed)
            size = size >= _capacity / 2 ? _capacity : (size + ArrayOverhead) * 2 - ArrayOverhead;
        size = Math.Min(size, _capacity);
        byte[] larger;
        try
        {
            larger = new byte[size];
        }
        catch (OutOfMemoryException)
        {
            _growthFailed = true;
            return false;
        }
        _growthFailed = false;
        if (_data.Length > 0)
        {
            int first = _data.Length - _start;
            new ReadOnlySpan<byte>(_data, _start, first).CopyTo(larger);
            new ReadOnlySpan<byte>(_data, 0, _start).CopyTo(new Span<byte>(larger, first, _start));
        }
        _data = larger;
        _start = 0;
        return true;
    }
}
