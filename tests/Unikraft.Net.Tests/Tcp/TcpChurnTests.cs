using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// What a server under connection churn needs from TCP: a closed connection gives its buffers
// back at once, and TIME_WAIT entries yield their slot (or their 4-tuple) to new connections
// instead of new SYNs being dropped.
public sealed class TcpChurnTests
{
    private const long Ms = 1_000_000;
    private const uint PeerIsn = 1000;

    private readonly CapturingIp _ip = new();
    private TcpLayer _tcp = new(new CapturingIp(), new TcpOptions());

    private void Deliver(byte[] segment, long now = 0) => _tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    private TcpLayer NewLayer(int maxConnections) =>
        _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, TimeWait = 2000 * Ms, MaxConnections = maxConnections });

    // Handshake from peerPort, the server closes first, the peer acknowledges and sends its
    // FIN: the connection ends in TIME_WAIT.
    private TcpConnection OpenAndCloseActively(TcpListenerEndpoint listener, ushort peerPort, uint peerIsn, long now)
    {
        Deliver(CapturingIp.Build(peerPort, 80, peerIsn, 0, TcpFlags.Syn, mss: 1460), now);
        uint serverNext = _ip.Last().SequenceNumber + 1;
        Deliver(CapturingIp.Build(peerPort, 80, peerIsn + 1, serverNext, TcpFlags.Ack), now);
        TcpConnection connection = listener.Accept()!;
        Assert.NotNull(connection);
        Assert.True(connection.HoldsBuffers);
        connection.Close(now);
        Deliver(CapturingIp.Build(peerPort, 80, peerIsn + 1, serverNext + 1, TcpFlags.Ack | TcpFlags.Fin), now);
        Assert.Equal(TcpState.TimeWait, connection.State);
        return connection;
    }

    [Fact]
    public void ByteRingReleasedHoldsNothingAndTakesNothing()
    {
        var ring = new ByteRing(64);
        Assert.Equal(5, ring.Write("hello"u8));
        ring.Release();
        Assert.Equal(0, ring.Capacity);
        Assert.Equal(0, ring.Count);
        Assert.Equal(0, ring.Write("more"u8));
        ring.Discard(3);
        Assert.Equal(0, ring.Read(new byte[8]));
    }

    [Fact]
    public void TimeWaitHoldsNoBuffers()
    {
        TcpListenerEndpoint listener = NewLayer(16).Listen(CapturingIp.Local, 80, 8);
        TcpConnection connection = OpenAndCloseActively(listener, 5000, PeerIsn, 0);
        Assert.False(connection.HoldsBuffers);
    }

    [Fact]
    public void UnreadDataKeepsTheReceiveBufferUntilRead()
    {
        TcpListenerEndpoint listener = NewLayer(16).Listen(CapturingIp.Local, 80, 8);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn, 0, TcpFlags.Syn, mss: 1460));
        uint serverNext = _ip.Last().SequenceNumber + 1;
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack));
        TcpConnection connection = listener.Accept()!;
        connection.Close(0);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext + 1, TcpFlags.Ack | TcpFlags.Fin | TcpFlags.Psh, data: "late"u8.ToArray()));
        Assert.Equal(TcpState.TimeWait, connection.State);
        Assert.True(connection.HoldsBuffers);
        byte[] buffer = new byte[8];
        Assert.Equal(4, connection.Receive(buffer, 0));
        Assert.Equal("late"u8.ToArray(), buffer[..4]);
        Assert.False(connection.HoldsBuffers);
    }

    [Fact]
    public void AtTheLimitTheOldestTimeWaitGivesWayToANewConnection()
    {
        TcpListenerEndpoint listener = NewLayer(3).Listen(CapturingIp.Local, 80, 8);
        TcpConnection first = OpenAndCloseActively(listener, 5000, PeerIsn, 0);
        TcpConnection second = OpenAndCloseActively(listener, 5001, PeerIsn, 1 * Ms);
        TcpConnection third = OpenAndCloseActively(listener, 5002, PeerIsn, 2 * Ms);
        Assert.Equal(3, _tcp.ConnectionCount);

        Deliver(CapturingIp.Build(5003, 80, PeerIsn, 0, TcpFlags.Syn, mss: 1460), 3 * Ms);
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, _ip.Last().Flags);
        Assert.Equal(TcpState.Closed, first.State);
        Assert.Equal(TcpState.TimeWait, second.State);
        Assert.Equal(TcpState.TimeWait, third.State);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.TimeWaitRecycled]);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.DropConnectionLimit]);
        Assert.Equal(3, _tcp.ConnectionCount);
    }

    [Fact]
    public void AtTheLimitWithoutTimeWaitTheSynIsDropped()
    {
        TcpListenerEndpoint listener = NewLayer(2).Listen(CapturingIp.Local, 80, 8);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn, 0, TcpFlags.Syn));
        Deliver(CapturingIp.Build(5001, 80, PeerIsn, 0, TcpFlags.Syn));
        Deliver(CapturingIp.Build(5002, 80, PeerIsn, 0, TcpFlags.Syn));
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropConnectionLimit]);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.TimeWaitRecycled]);
        Assert.Equal(2, _tcp.ConnectionCount);
    }

    [Fact]
    public void ANewerSynReopensAPortInTimeWait()
    {
        TcpListenerEndpoint listener = NewLayer(16).Listen(CapturingIp.Local, 80, 8);
        TcpConnection old = OpenAndCloseActively(listener, 5000, PeerIsn, 0);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 100_000, 0, TcpFlags.Syn, mss: 1460), 5 * Ms);
        Assert.Equal(TcpState.Closed, old.State);
        TcpSegment synAck = _ip.Last();
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, synAck.Flags);
        Assert.Equal(PeerIsn + 100_001, synAck.AcknowledgmentNumber);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.TimeWaitRecycled]);
    }

    [Fact]
    public void AnOldSynMeetsTheTimeWaitConnection()
    {
        TcpListenerEndpoint listener = NewLayer(16).Listen(CapturingIp.Local, 80, 8);
        TcpConnection old = OpenAndCloseActively(listener, 5000, PeerIsn, 0);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn, 0, TcpFlags.Syn, mss: 1460), 5 * Ms);
        Assert.Equal(TcpState.TimeWait, old.State);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.TimeWaitRecycled]);
    }
}
