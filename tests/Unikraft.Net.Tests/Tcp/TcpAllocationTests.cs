using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The data path allocates nothing per segment: once a connection exists, moving bytes both
// ways (segments built, checksummed, received, acknowledged, timers run) allocates 0 bytes.
public sealed class TcpAllocationTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void SteadyTransferAllocatesNothing()
    {
        var link = new QueueLink();
        TcpLayer a = link.A = new TcpLayer(link.SideA, new TcpOptions { Seed = 1 });
        TcpLayer b = link.B = new TcpLayer(link.SideB, new TcpOptions { Seed = 2 });
        TcpListenerEndpoint listener = b.Listen(QueueLink.AddressB, 80, 4);
        TcpConnection client = a.Connect(QueueLink.AddressB, 80, 0);
        TcpConnection? server = null;
        for (int i = 0; i < 10 && server is null; i++)
        {
            link.Run();
            server = listener.Accept();
        }
        Assert.NotNull(server);
        byte[] chunk = new byte[3000];
        new Random(3).NextBytes(chunk);
        byte[] inbox = new byte[8192];

        long Exchange(int rounds)
        {
            long moved = 0;
            for (int i = 0; i < rounds; i++)
            {
                client.Send(chunk, link.Now);
                server!.Send(chunk.AsSpan(0, 1000), link.Now);
                link.Run();
                moved += server.Receive(inbox, link.Now) + client.Receive(inbox, link.Now);
            }
            return moved;
        }

        Assert.True(Exchange(200) > 0); // warm-up: rings, lists and the JIT reach their sizes
        long before = GC.GetAllocatedBytesForCurrentThread();
        long moved = Exchange(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(moved > 3_000_000, "moved " + moved);
        Assert.Equal(0, allocated);
        Assert.Equal(0UL, a.Statistics[TcpCounter.Retransmissions]);
    }

    // Two IP senders joined by a FIFO of preallocated slots; Run delivers until quiet, 1 ms a
    // step, with timers.
    private sealed class QueueLink
    {
        public static readonly IPv4Address AddressA = new(10, 1, 0, 1);
        public static readonly IPv4Address AddressB = new(10, 1, 0, 2);
        private const int Slots = 512;
        private readonly byte[][] _slots = new byte[Slots][];
        private readonly int[] _lengths = new int[Slots];
        private readonly bool[] _toB = new bool[Slots];
        private int _head;
        private int _count;

        public QueueLink()
        {
            for (int i = 0; i < Slots; i++)
                _slots[i] = new byte[1600];
            SideA = new Side(this, AddressA, toB: true);
            SideB = new Side(this, AddressB, toB: false);
        }

        public IIpSender SideA { get; }

        public IIpSender SideB { get; }

        public TcpLayer? A { get; set; }

        public TcpLayer? B { get; set; }

        public long Now { get; private set; }

        public void Run()
        {
            for (int turn = 0; turn < 64 && _count > 0; turn++)
            {
                Now += Ms;
                int batch = _count;
                for (int i = 0; i < batch; i++)
                {
                    int slot = _head;
                    _head = (_head + 1) % Slots;
                    _count--;
                    if (_toB[slot])
                        B!.Receive(AddressA, AddressB, _slots[slot].AsSpan(0, _lengths[slot]), false, Now);
                    else
                        A!.Receive(AddressB, AddressA, _slots[slot].AsSpan(0, _lengths[slot]), false, Now);
                }
                A!.Tick(Now);
                B!.Tick(Now);
            }
        }

        private bool Enqueue(bool toB, ReadOnlySpan<byte> payload)
        {
            if (_count == Slots)
                return false;
            int slot = (_head + _count) % Slots;
            payload.CopyTo(_slots[slot]);
            _lengths[slot] = payload.Length;
            _toB[slot] = toB;
            _count++;
            return true;
        }

        private sealed class Side(QueueLink link, IPv4Address address, bool toB) : IIpSender
        {
            public int MaxPayload => 1480;

            public IPv4Address LocalAddressFor(IPv4Address destination) => address;

            public bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
                => link.Enqueue(toB, payload);
        }
    }
}
