using System;

namespace Uk.Net;

// A bounded FIFO of datagrams: their bytes in one circular buffer, their senders in a ring of
// records, both allocated once. A datagram that does not fit is refused whole.
public sealed class DatagramQueue
{
    private readonly byte[] _data;
    private readonly IPv4Address[] _from;
    private readonly ushort[] _fromPort;
    private readonly int[] _length;
    private int _firstRecord;
    private int _records;
    private int _firstByte;
    private int _bytes;

    public DatagramQueue(int byteCapacity, int datagramCapacity)
    {
        _data = new byte[byteCapacity < 1 ? 1 : byteCapacity];
        int n = datagramCapacity < 1 ? 1 : datagramCapacity;
        _from = new IPv4Address[n];
        _fromPort = new ushort[n];
        _length = new int[n];
    }

    public int Count => _records;

    public int Bytes => _bytes;

    // Size of the oldest datagram (0 when empty).
    public int NextLength => _records == 0 ? 0 : _length[_firstRecord];

    public bool TryEnqueue(IPv4Address from, ushort fromPort, ReadOnlySpan<byte> data)
    {
        if (_records == _length.Length || data.Length > _data.Length - _bytes)
            return false;
        int record = (_firstRecord + _records) % _length.Length;
        _from[record] = from;
        _fromPort[record] = fromPort;
        _length[record] = data.Length;
        int at = (_firstByte + _bytes) % _data.Length;
        int first = Math.Min(data.Length, _data.Length - at);
        data.Slice(0, first).CopyTo(new Span<byte>(_data, at, first));
        data.Slice(first).CopyTo(new Span<byte>(_data, 0, data.Length - first));
        _records++;
        _bytes += data.Length;
        return true;
    }

    // Copies the oldest datagram into buffer (truncated to its size, as a datagram socket
    // does) and removes it; length is the datagram's full size.
    public bool TryDequeue(Span<byte> buffer, out int length, out IPv4Address from, out ushort fromPort)
    {
        if (_records == 0)
        {
            length = 0;
            from = default;
            fromPort = 0;
            return false;
        }
        length = _length[_firstRecord];
        from = _from[_firstRecord];
        fromPort = _fromPort[_firstRecord];
        int copy = Math.Min(length, buffer.Length);
        int first = Math.Min(copy, _data.Length - _firstByte);
        new ReadOnlySpan<byte>(_data, _firstByte, first).CopyTo(buffer);
        new ReadOnlySpan<byte>(_data, 0, copy - first).CopyTo(buffer.Slice(first));
        _firstByte = (_firstByte + length) % _data.Length;
        _bytes -= length;
        _firstRecord = (_firstRecord + 1) % _length.Length;
        _records--;
        if (_records == 0)
            _firstByte = 0;
        return true;
    }

    public void Clear()
    {
        _records = 0;
        _bytes = 0;
        _firstRecord = 0;
        _firstByte = 0;
    }
}
