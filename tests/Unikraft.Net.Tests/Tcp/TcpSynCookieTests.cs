using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// SYN cookies: a SYN that finds the listener's backlog full is answered with a SYN-ACK whose
// sequence number encodes the handshake, nothing is kept, and the ACK returning that number
// makes the connection; forged, misdirected and expired cookies are refused and counted.
public sealed class TcpSynCookieTests
{
    private const long Ms = 1_000_000;
    private const long Second = 1000 * Ms;
    private const uint PeerIsn = 1000;

    private readonly CapturingIp _ip = new();
    private readonly TcpLayer _tcp;
    private readonly TcpListenerEndpoint _listener;

    // A listener with a backlog of 1, taken by a handshake from port 5999 that never ends.
    public TcpSynCookieTests()
    {
        _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 7 });
        _listener = _tcp.Listen(CapturingIp.Local, 80, 1);
        Deliver(CapturingIp.Build(5999, 80, 1, 0, TcpFlags.Syn, mss: 1460));
        Assert.Equal(1, _tcp.ConnectionCount);
    }

    private void Deliver(byte[] segment, long now = 0) => _tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    // The SYN-ACK a SYN from peerPort got: its sequence number is the cookie.
    private TcpSegment SynToFullBacklog(ushort peerPort, ushort mss = 1460, long now = 0)
    {
        int connections = _tcp.ConnectionCount;
        Deliver(CapturingIp.Build(peerPort, 80, PeerIsn, 0, TcpFlags.Syn, mss: mss), now);
        TcpSegment synAck = _ip.Last();
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, synAck.Flags);
        Assert.Equal(peerPort, synAck.DestinationPort);
        Assert.Equal(PeerIsn + 1, synAck.AcknowledgmentNumber);
        Assert.Equal(1460, synAck.MaxSegmentSize);
        Assert.Equal(connections, _tcp.ConnectionCount);
        return synAck;
    }

    [Fact]
    public void SynsBeyondTheBacklogGetCookiesAndKeepNoState()
    {
        for (ushort port = 6000; port < 6005; port++)
            SynToFullBacklog(port);
        Assert.Equal(1, _tcp.ConnectionCount);
        Assert.Equal(5UL, _tcp.Statistics[TcpCounter.SynCookiesSent]);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.DropBacklogFull]);
        Assert.Equal(0, _listener.Pending);
    }

    [Fact]
    public void TheAckOfACookieMakesAnEstablishedConnectionWithTheCookiesMss()
    {
        TcpSegment synAck = SynToFullBacklog(6000, mss: 1400);
        uint serverNext = synAck.SequenceNumber + 1;
        // The handshake's ACK already carries the request, as clients often send it.
        Deliver(CapturingIp.Build(6000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack | TcpFlags.Psh, data: "GET / HTTP/1.1\r\n\r\n"u8.ToArray()), 3 * Second);
        TcpConnection? connection = _listener.Accept();
        Assert.NotNull(connection);
        Assert.Equal(TcpState.Established, connection!.State);
        Assert.Equal((ushort)6000, connection.RemotePort);
        // 1400 rounds down to the cookie table's 1200.
        Assert.Equal(1200, connection.MaxSegmentSize);
        Assert.Equal(18, connection.Available);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.SynCookiesAccepted]);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.SynCookiesRejected]);

        // Data goes out from the cookie on, and the peer's ACK of it is taken.
        Assert.Equal(4, connection.Send("done"u8, 3 * Second));
        TcpSegment data = _ip.Last();
        Assert.Equal(serverNext, data.SequenceNumber);
        Assert.Equal(PeerIsn + 1 + 18, data.AcknowledgmentNumber);
        Deliver(CapturingIp.Build(6000, 80, PeerIsn + 19, serverNext + 4, TcpFlags.Ack), 3 * Second);
        Assert.Equal(0, connection.Unacknowledged);
    }

    [Fact]
    public void APeerThatNamedNoMssGets536()
    {
        TcpSegment synAck = SynToFullBacklog(6000, mss: 0);
        Deliver(CapturingIp.Build(6000, 80, PeerIsn + 1, synAck.SequenceNumber + 1, TcpFlags.Ack));
        Assert.Equal(536, _listener.Accept()!.MaxSegmentSize);
    }

    [Fact]
    public void ACookieIsGoodOnlyForItsOwnHandshake()
    {
        TcpSegment synAck = SynToFullBacklog(6000);
        uint cookie = synAck.SequenceNumber;
        var forged = new List<byte[]>
        {
            // A hash bit flipped, and the MSS bits changed to ask for a larger MSS.
            CapturingIp.Build(6000, 80, PeerIsn + 1, (cookie ^ 0x100) + 1, TcpFlags.Ack),
            CapturingIp.Build(6000, 80, PeerIsn + 1, (cookie ^ 0x4) + 1, TcpFlags.Ack),
            // The right number from another port, or with another sequence number.
            CapturingIp.Build(6001, 80, PeerIsn + 1, cookie + 1, TcpFlags.Ack),
            CapturingIp.Build(6000, 80, PeerIsn + 2, cookie + 1, TcpFlags.Ack),
        };
        // Each is counted and dropped without an answer (see TcpLayer.TryAcceptCookie).
        int sent = _ip.Sent.Count;
        foreach (byte[] segment in forged)
            Deliver(segment, 1 * Second);
        Assert.Equal(sent, _ip.Sent.Count);
        Assert.Equal(4UL, _tcp.Statistics[TcpCounter.SynCookiesRejected]);
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.SynCookiesAccepted]);
        Assert.Null(_listener.Accept());
        Assert.Equal(1, _tcp.ConnectionCount);
        // The real one still works.
        Deliver(CapturingIp.Build(6000, 80, PeerIsn + 1, cookie + 1, TcpFlags.Ack), 1 * Second);
        Assert.NotNull(_listener.Accept());
    }

    [Fact]
    public void BlindGuessesAlmostNeverPass()
    {
        SynToFullBacklog(6000);
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
            Deliver(CapturingIp.Build(6000, 80, PeerIsn + 1, (uint)random.NextInt64(1L << 32), TcpFlags.Ack));
        // 28 hash bits: a pass in 20,000 tries would be a 1-in-13,000 event.
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.SynCookiesAccepted]);
        Assert.Equal(20_000UL, _tcp.Statistics[TcpCounter.SynCookiesRejected]);
    }

    [Fact]
    public void ACookieExpiresAfterTwoClockCounts()
    {
        // 100 s later it is still good (made in one count, used in the next).
        uint early = SynToFullBacklog(6000, now: 0).SequenceNumber;
        Deliver(CapturingIp.Build(6000, 80, PeerIsn + 1, early + 1, TcpFlags.Ack), 100 * Second);
        Assert.NotNull(_listener.Accept());

        // One made at 0 and returned at 200 s, while the flood goes on (cookies still being
        // sent), is refused.
        uint old = SynToFullBacklog(6001, now: 0).SequenceNumber;
        SynToFullBacklog(6002, now: 199 * Second);
        int sent = _ip.Sent.Count;
        Deliver(CapturingIp.Build(6001, 80, PeerIsn + 1, old + 1, TcpFlags.Ack), 200 * Second);
        Assert.Equal(sent, _ip.Sent.Count);
        Assert.Null(_listener.Accept());
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.SynCookiesRejected]);
    }

    [Fact]
    public void AnAckWhenNoCookieWasSentLatelyIsAPlainUnknownAck()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 7 });
        tcp.Listen(CapturingIp.Local, 80, 8);
        tcp.Receive(CapturingIp.Peer, CapturingIp.Local, CapturingIp.Build(6000, 80, PeerIsn + 1, 12345, TcpFlags.Ack), false, 0);
        Assert.Equal(TcpFlags.Rst, _ip.Last().Flags);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.DropNoConnection]);
        Assert.Equal(0UL, tcp.Statistics[TcpCounter.SynCookiesRejected]);
    }

    [Fact]
    public void AValidCookieWithTheAcceptQueueFullIsDroppedSilentlyAndTakenWhenRetried()
    {
        // The half-open handshake completes: the backlog's one place holds a connection
        // nobody accepted yet.
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(_ip.Sent[0], out TcpSegment firstSynAck));
        Deliver(CapturingIp.Build(5999, 80, 2, firstSynAck.SequenceNumber + 1, TcpFlags.Ack));
        Assert.Equal(1, _listener.Pending);
        TcpSegment synAck = SynToFullBacklog(6000);
        int sent = _ip.Sent.Count;
        byte[] ack = CapturingIp.Build(6000, 80, PeerIsn + 1, synAck.SequenceNumber + 1, TcpFlags.Ack, data: "x"u8.ToArray());
        Deliver(ack, 1 * Second);
        Assert.Equal(sent, _ip.Sent.Count);
        Assert.Equal(1, _listener.Pending);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropBacklogFull]);
        // The application accepts; the peer's retransmission now makes the connection.
        Assert.NotNull(_listener.Accept());
        Deliver(ack, 2 * Second);
        TcpConnection? connection = _listener.Accept();
        Assert.NotNull(connection);
        Assert.Equal(1, connection!.Available);
    }

    [Fact]
    public void WithCookiesOffSynsBeyondTheBacklogAreDroppedAndCounted()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, SynCookies = false });
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 2);
        int sent = _ip.Sent.Count;
        for (ushort port = 6000; port < 6005; port++)
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local, CapturingIp.Build(port, 80, PeerIsn, 0, TcpFlags.Syn), false, 0);
        Assert.Equal(2, tcp.ConnectionCount);
        Assert.Equal(sent + 2, _ip.Sent.Count);
        Assert.Equal(3UL, tcp.Statistics[TcpCounter.DropBacklogFull]);
        Assert.Equal(0UL, tcp.Statistics[TcpCounter.SynCookiesSent]);
        Assert.Equal(0, listener.Pending);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void AWholeTransferOverALossyLinkStartsFromACookie(int seed)
    {
        // Half-open handshakes give up after two SYN-ACK retransmissions (7 s), so the
        // stranger's leaves the table before the transfer's final check.
        var options = new TcpOptions { MaxRetransmissions = 2 };
        var network = new SimulatedNetwork(seed, drop: 0.03, duplicate: 0.02, corrupt: 0.01, maxJitter: 4 * SimulatedNetwork.Millisecond, options);
        TcpListenerEndpoint listener = network.B.Listen(network.AddressB, 80, 1);
        // A stranger's SYN takes the backlog; its SYN-ACKs go nowhere.
        var stranger = new IPv4Address(10, 0, 0, 9);
        byte[] syn = new byte[24];
        int length = TcpSegment.WriteHeader(syn, 7000, 80, 1, 0, TcpFlags.Syn, 8192, 1460);
        network.B.Receive(stranger, network.AddressB, syn.AsSpan(0, length), true, network.Now);
        Assert.Equal(1, network.B.ConnectionCount);

        var random = new Random(seed);
        TcpTransferPropertyTests.Transfer(network, TcpTransferPropertyTests.RandomBytes(random, 60_000),
            TcpTransferPropertyTests.RandomBytes(random, 30_000), listener);
        Assert.True(network.B.Statistics[TcpCounter.SynCookiesSent] >= 1);
        Assert.Equal(1UL, network.B.Statistics[TcpCounter.SynCookiesAccepted]);
        // The stranger's handshake and the cookie's connection.
        Assert.Equal(2UL, network.B.Statistics[TcpCounter.PassiveOpens]);
    }
}
