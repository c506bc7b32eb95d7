using System;

namespace Uk.Net;

// Whole frames waiting for their next hop's MAC address, in buffers allocated once. The
// Ethernet destination is filled in when the address resolves.
public sealed class PendingFrames
{
    private readonly byte[][] _frames;
    private readonly int[] _lengths;
    private readonly IPv4Address[] _nextHops;
    private readonly bool[] _used;

    public PendingFrames(int count, int frameCapacity)
    {
        if (count < 0)
            count = 0;
        _frames = new byte[count][];
        _lengths = new int[count];
        _nextHops = new IPv4Address[count];
        _used = new bool[count];
        for (int i = 0; i < count; i++)
            _frames[i] = new byte[frameCapacity];
    }

    public int Count
    {
        get
        {
            int n = 0;
            for (int i = 0; i < _used.Length; i++)
                if (_used[i])
                    n++;
            return n;
        }
    }

    public bool TryAdd(IPv4Address nextHop, ReadOnlySpan<byte> frame)
    {
        for (int i = 0; i < _used.Length; i++)
        {
            if (_used[i] || frame.Length > _frames[i].Length)
                continue;
            frame.CopyTo(_frames[i]);
            _lengths[i] = frame.Length;
            _nextHops[i] = nextHop;
            _used[i] = true;
            return true;
        }
        return false;
    }

    // The next waiting frame for nextHop (index, or -1); the caller sends then Frees it.
    public int FindFor(IPv4Address nextHop)
    {
        for (int i = 0; i < _used.Length; i++)
            if (_used[i] && _nextHops[i] == nextHop)
                return i;
        return -1;
    }

    public Span<byte> Frame(int index) => new Span<byte>(_frames[index], 0, _lengths[index]);

    public void Free(int index) => _used[index] = false;

    // Drops every frame for nextHop; returns how many.
    public int DropFor(IPv4Address nextHop)
    {
        int n = 0;
        for (int i = 0; i < _used.Length; i++)
        {
            if (_used[i] && _nextHops[i] == nextHop)
            {
                _used[i] = false;
                n++;
            }
        }
        return n;
    }
}
