using System;

namespace Uk.Net;

// Datagrams the host sends to itself (127.0.0.0/8 or its own address), held until the next
// Tick delivers them: never delivered inside the send call, so a transport is not re-entered
// while it is still sending. Each slot's buffer is allocated on its first use, then kept:
// a host that never talks to itself pays nothing.
public sealed class LoopbackQueue
{
    private readonly byte[]?[] _datagrams;
    private readonly int[] _lengths;
    private readonly int _capacity;
    private int _first;
    private int _count;

    public LoopbackQueue(int count, int datagramCapacity)
    {
        if (count < 1)
            count = 1;
        _datagrams = new byte[]?[count];
        _lengths = new int[count];
        _capacity = datagramCapacity;
    }

    public int Count => _count;

    // Slots left.
    public int Free => _datagrams.Length - _count;

    // A slot to write a datagram of length bytes into, or an empty span when full; Commit
    // makes it visible.
    public Span<byte> Reserve(int length)
    {
        if (_count == _datagrams.Length || length > _capacity)
            return Span<byte>.Empty;
        int slot = (_first + _count) % _datagrams.Length;
        _lengths[slot] = length;
        return new Span<byte>(_datagrams[slot] ??= new byte[_capacity], 0, length);
    }

    public void Commit() => _count++;

    // The oldest datagram; valid until the next Reserve. Pop removes it.
    public ReadOnlySpan<byte> Peek() => new ReadOnlySpan<byte>(_datagrams[_first], 0, _lengths[_first]);

    public void Pop()
    {
        _first = (_first + 1) % _datagrams.Length;
        _count--;
    }
}
