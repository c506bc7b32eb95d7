using System;
using Uk.Net;
using Uk.Net.Tcp;

// An in-memory IP link between two TcpLayers: each datagram is copied into a slot of a
// fixed pool (no allocation per segment) and delivered after a latency plus a random jitter
// (so segments overtake each other), or dropped, from a seeded generator.
internal sealed class LossyLink
{
    public const long Microsecond = 1_000;
    private const int Slots = 1024;
    private const int SlotSize = 1600;

    private readonly byte[][] _data = new byte[Slots][];
    private readonly int[] _length = new int[Slots];
    private readonly long[] _at = new long[Slots];
    private readonly int[] _to = new int[Slots];
    private readonly int[] _free = new int[Slots];
    private readonly int[] _busy = new int[Slots];
    private int _freeCount;
    private int _busyCount;
    private readonly Random64 _random;
    private readonly int _lossPerMille;
    private readonly Side[] _sides = new Side[2];

    public LossyLink(ulong seed, int lossPerMille)
    {
        _random = new Random64(seed);
        _lossPerMille = lossPerMille;
        for (int i = 0; i < Slots; i++)
        {
            _data[i] = new byte[SlotSize];
            _free[i] = i;
        }
        _freeCount = Slots;
        _sides[0] = new Side(this, 0, new IPv4Address(10, 9, 0, 1));
        _sides[1] = new Side(this, 1, new IPv4Address(10, 9, 0, 2));
    }

    public long Now { get; private set; }

    public long Sent { get; private set; }

    public long Dropped { get; private set; }

    public IIpSender SideA => _sides[0];

    public IIpSender SideB => _sides[1];

    public IPv4Address AddressA => _sides[0].Address;

    public IPv4Address AddressB => _sides[1].Address;

    public TcpLayer? A { get; set; }

    public TcpLayer? B { get; set; }

    // Moves the clock to the next delivery or timer and runs everything due then; false when
    // nothing at all is pending.
    public bool Step()
    {
        TcpLayer a = A!, b = B!;
        long next = Math.Min(a.NextDeadline, b.NextDeadline);
        for (int i = 0; i < _busyCount; i++)
            next = Math.Min(next, _at[_busy[i]]);
        if (next == long.MaxValue)
            return false;
        if (next > Now)
            Now = next;
        for (int i = 0; i < _busyCount;)
        {
            int slot = _busy[i];
            if (_at[slot] > Now)
            {
                i++;
                continue;
            }
            _busy[i] = _busy[--_busyCount];
            TcpLayer target = _to[slot] == 0 ? a : b;
            Side from = _sides[1 - _to[slot]];
            target.Receive(from.Address, _sides[_to[slot]].Address, _data[slot].AsSpan(0, _length[slot]), false, Now);
            _free[_freeCount++] = slot;
        }
        a.Tick(Now);
        b.Tick(Now);
        return true;
    }

    private bool Send(int from, ReadOnlySpan<byte> payload)
    {
        Sent++;
        if ((int)(_random.Next() % 1000) < _lossPerMille || _freeCount == 0 || payload.Length > SlotSize)
        {
            Dropped++;
            return true;
        }
        int slot = _free[--_freeCount];
        payload.CopyTo(_data[slot]);
        _length[slot] = payload.Length;
        _to[slot] = 1 - from;
        _at[slot] = Now + 200 * Microsecond + (long)(_random.Next() % 300) * Microsecond;
        _busy[_busyCount++] = slot;
        return true;
    }

    private sealed class Side : IIpSender
    {
        private readonly LossyLink _link;
        private readonly int _index;

        public Side(LossyLink link, int index, IPv4Address address)
        {
            _link = link;
            _index = index;
            Address = address;
        }

        public IPv4Address Address { get; }

        public int MaxPayload => 1480;

        public IPv4Address LocalAddressFor(IPv4Address destination) => Address;

        public bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
            => _link.Send(_index, payload);
    }
}
