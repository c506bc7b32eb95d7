using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// One TcpLayer driven segment by segment, as a peer on the wire would.
public sealed class TcpStateMachineTests
{
    private const long Ms = 1_000_000;
    private const uint PeerIsn = 1000;

    private readonly CapturingIp _ip = new();
    private TcpLayer _tcp;

    public TcpStateMachineTests() => _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, TimeWait = 100 * Ms });

    private void Deliver(byte[] segment, long now = 0) => _tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    private TcpConnection Establish(ushort peerPort = 5000)
    {
        TcpListenerEndpoint listener = _tcp.Listen(CapturingIp.Local, 80, 8);
        Deliver(CapturingIp.Build(peerPort, 80, PeerIsn, 0, TcpFlags.Syn, mss: 1460));
        TcpSegment synAck = _ip.Last();
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, synAck.Flags);
        Assert.Equal(PeerIsn + 1, synAck.AcknowledgmentNumber);
        Assert.Equal(1460, synAck.MaxSegmentSize);
        Assert.Null(listener.Accept());
        Deliver(CapturingIp.Build(peerPort, 80, PeerIsn + 1, synAck.SequenceNumber + 1, TcpFlags.Ack));
        TcpConnection? connection = listener.Accept();
        Assert.NotNull(connection);
        Assert.Equal(TcpState.Established, connection!.State);
        return connection;
    }

    [Fact]
    public void ASynToAClosedPortIsAnsweredWithReset()
    {
        Deliver(CapturingIp.Build(5000, 81, 77, 0, TcpFlags.Syn));
        TcpSegment reset = _ip.Last();
        Assert.Equal(TcpFlags.Rst | TcpFlags.Ack, reset.Flags);
        Assert.Equal(78u, reset.AcknowledgmentNumber);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropNoConnection]);
    }

    [Fact]
    public void AResetIsNeverAnsweredWithAReset()
    {
        Deliver(CapturingIp.Build(5000, 81, 77, 0, TcpFlags.Rst));
        Assert.Empty(_ip.Sent);
    }

    [Fact]
    public void HandshakeDataAndOrderlyCloseFromThePeer()
    {
        TcpConnection connection = Establish();
        uint serverIsnPlus1 = ParseSeq(_ip.Sent[0]) + 1;
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverIsnPlus1, TcpFlags.Ack | TcpFlags.Psh, data: "hello"u8.ToArray()));
        Assert.Equal(5, connection.Available);
        byte[] buffer = new byte[16];
        Assert.Equal(5, connection.Receive(buffer, 0));
        Assert.Equal("hello"u8.ToArray(), buffer[..5]);
        // A single small segment waits for the delayed ACK.
        int sentBefore = _ip.Sent.Count;
        _tcp.Tick(100 * Ms);
        Assert.Equal(sentBefore + 1, _ip.Sent.Count);
        Assert.Equal(PeerIsn + 6, _ip.Last().AcknowledgmentNumber);

        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 6, serverIsnPlus1, TcpFlags.Ack | TcpFlags.Fin));
        Assert.Equal(TcpState.CloseWait, connection.State);
        Assert.True(connection.RemoteClosed);
        Assert.Equal(PeerIsn + 7, _ip.Last().AcknowledgmentNumber);

        Assert.Equal(3, connection.Send("bye"u8, 0));
        connection.Close(0);
        Assert.Equal(TcpState.LastAck, connection.State);
        TcpSegment fin = _ip.Last();
        Assert.True(fin.Has(TcpFlags.Fin));
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(_ip.Sent[^2], out TcpSegment data));
        Assert.Equal(3, data.Payload.Length);
        Assert.Equal(data.SequenceNumber + 3, fin.SequenceNumber);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 7, fin.SequenceNumber + 1, TcpFlags.Ack));
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(0, _tcp.ConnectionCount);
    }

    // An established connection the application closes first: FIN sent, FIN_WAIT_1. Returns
    // the connection and our sequence number of that FIN.
    private (TcpConnection Connection, uint Fin) EstablishAndClose()
    {
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        connection.Close(0);
        Assert.Equal(TcpState.FinWait1, connection.State);
        Assert.True(_ip.Last().Has(TcpFlags.Fin));
        Assert.Equal(serverNext, _ip.Last().SequenceNumber);
        return (connection, serverNext);
    }

    [Fact]
    public void ActiveCloseGoesThroughTimeWaitAndExpires()
    {
        (TcpConnection connection, uint serverNext) = EstablishAndClose();
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext + 1, TcpFlags.Ack));
        Assert.Equal(TcpState.FinWait2, connection.State);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext + 1, TcpFlags.Ack | TcpFlags.Fin), 10 * Ms);
        Assert.Equal(TcpState.TimeWait, connection.State);
        Assert.Equal(PeerIsn + 2, _ip.Last().AcknowledgmentNumber);
        _tcp.Tick(50 * Ms);
        Assert.Equal(TcpState.TimeWait, connection.State);
        _tcp.Tick(111 * Ms);
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(0, _tcp.ConnectionCount);
    }

    [Fact]
    public void SimultaneousCloseGoesThroughClosingToTimeWait()
    {
        (TcpConnection connection, uint serverNext) = EstablishAndClose();
        // The peer's FIN crosses ours: it does not acknowledge our FIN yet.
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack | TcpFlags.Fin), 1 * Ms);
        Assert.Equal(TcpState.Closing, connection.State);
        Assert.True(connection.RemoteClosed);
        Assert.Equal(PeerIsn + 2, _ip.Last().AcknowledgmentNumber);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 2, serverNext + 1, TcpFlags.Ack), 2 * Ms);
        Assert.Equal(TcpState.TimeWait, connection.State);
        _tcp.Tick(103 * Ms);
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(0, _tcp.ConnectionCount);
    }

    [Fact]
    public void KeepAliveProbesAnIdlePeerThenGivesUp()
    {
        _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, KeepAliveIdle = 1000 * Ms, KeepAliveInterval = 100 * Ms, KeepAliveProbes = 3 });
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        int sentBefore = _ip.Sent.Count;
        _tcp.Tick(999 * Ms);
        Assert.Equal(sentBefore, _ip.Sent.Count);
        _tcp.Tick(1000 * Ms);
        // The probe carries an already-acknowledged number, so the peer must answer.
        TcpSegment probe = _ip.Last();
        Assert.Equal(TcpFlags.Ack, probe.Flags);
        Assert.Equal(serverNext - 1, probe.SequenceNumber);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.KeepAliveProbes]);

        // An answer makes the connection idle afresh: the next probe waits the full idle time.
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack), 1050 * Ms);
        _tcp.Tick(2049 * Ms);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.KeepAliveProbes]);
        for (long at = 2050; at <= 2250; at += 100)
            _tcp.Tick(at * Ms);
        Assert.Equal(4UL, _tcp.Statistics[TcpCounter.KeepAliveProbes]);
        Assert.Equal(TcpState.Established, connection.State);

        _tcp.Tick(2350 * Ms);
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(TcpError.TimedOut, connection.Error);
        Assert.True(_ip.Last().Has(TcpFlags.Rst));
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.ConnectionsTimedOut]);
        Assert.Equal(0, _tcp.ConnectionCount);
    }

    [Fact]
    public void ConnectionsBeyondTheLimitAreRefused()
    {
        _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, MaxConnections = 2 });
        TcpListenerEndpoint listener = _tcp.Listen(CapturingIp.Local, 80, 8);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn, 0, TcpFlags.Syn));
        Deliver(CapturingIp.Build(5001, 80, PeerIsn, 0, TcpFlags.Syn));
        int sentBefore = _ip.Sent.Count;
        Deliver(CapturingIp.Build(5002, 80, PeerIsn, 0, TcpFlags.Syn));
        Assert.Equal(sentBefore, _ip.Sent.Count);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropConnectionLimit]);
        Assert.Equal(2, _tcp.ConnectionCount);
        Assert.Throws<InvalidOperationException>(() => _tcp.Connect(CapturingIp.Peer, 80, 0));
        Assert.Null(_tcp.TryConnect(CapturingIp.Peer, 80, 0));
        Assert.Equal(0UL, _tcp.Statistics[TcpCounter.ActiveOpens]);
        Assert.Equal(0, listener.Pending);
    }

    [Fact]
    public void AnEphemeralPortSkipsPortsWithAListenerOnAnyAddress()
    {
        ushort first = _tcp.Connect(CapturingIp.Peer, 80, 0).LocalPort;
        // The same seed picks the same port again, unless a listener holds it.
        _tcp = new TcpLayer(_ip, new TcpOptions { Seed = 42, TimeWait = 100 * Ms });
        _tcp.Listen(CapturingIp.Local, first, 4);
        ushort second = _tcp.Connect(CapturingIp.Peer, 80, 0).LocalPort;
        Assert.NotEqual(first, second);
        Assert.InRange(second, (ushort)49152, ushort.MaxValue);
    }

    [Fact]
    public void ASecondListenerOnAPortIsRefused()
    {
        TcpListenerEndpoint first = _tcp.Listen(CapturingIp.Local, 80, 8);
        Assert.Null(_tcp.TryListen(CapturingIp.Local, 80, 8));
        Assert.Throws<InvalidOperationException>(() => _tcp.Listen(CapturingIp.Local, 80, 8));
        first.Close();
        Assert.NotNull(_tcp.TryListen(CapturingIp.Local, 80, 8));
    }

    [Fact]
    public void DataOffsetsOutsideTheSegmentAreDroppedAndCounted()
    {
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        int sentBefore = _ip.Sent.Count;
        byte[] valid = CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack | TcpFlags.Psh, data: "abcd"u8.ToArray());
        int dropped = 0;
        for (int words = 0; words < 16; words++)
        {
            int offset = words * 4;
            if (offset >= 20 && offset <= valid.Length)
                continue;
            byte[] bad = (byte[])valid.Clone();
            bad[12] = (byte)(words << 4 | (bad[12] & 0x0F));
            _tcp.Receive(CapturingIp.Peer, CapturingIp.Local, bad, true, 0);
            dropped++;
        }
        Assert.Equal(14, dropped); // offsets 0-16 and 28-60 (20 and 24 fit the 24-byte segment)
        Assert.Equal((ulong)dropped, _tcp.Statistics[TcpCounter.DropBadDataOffset]);
        Assert.Equal(0, connection.Available);
        Assert.Equal(sentBefore, _ip.Sent.Count);
        Assert.Equal(TcpState.Established, connection.State);
    }

    [Fact]
    public void HalfOpenConnectionsGiveUpAndFreeTheBacklog()
    {
        TcpListenerEndpoint listener = _tcp.Listen(CapturingIp.Local, 80, 1);
        Deliver(CapturingIp.Build(6000, 80, PeerIsn, 0, TcpFlags.Syn));
        Assert.Equal(1, _tcp.ConnectionCount);
        for (long t = 0; t < 3_600_000 * Ms && _tcp.ConnectionCount > 0; t += 500 * Ms)
            _tcp.Tick(t);
        Assert.Equal(0, _tcp.ConnectionCount);
        Deliver(CapturingIp.Build(6001, 80, PeerIsn, 0, TcpFlags.Syn));
        Assert.Equal(1, _tcp.ConnectionCount);
        Assert.Equal(0, listener.Pending);
    }

    [Fact]
    public void BadChecksumIsDroppedAndCounted()
    {
        _tcp.Listen(CapturingIp.Local, 80, 8);
        byte[] syn = CapturingIp.Build(5000, 80, PeerIsn, 0, TcpFlags.Syn);
        syn[4] ^= 0x40;
        Deliver(syn);
        Assert.Empty(_ip.Sent);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropBadChecksum]);
    }

    [Fact]
    public void OutOfWindowDataIsDroppedAndAcknowledged()
    {
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        int before = _ip.Sent.Count;
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1 + 1_000_000, serverNext, TcpFlags.Ack, data: new byte[100]));
        Assert.Equal(0, connection.Available);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.DropOutOfWindow]);
        Assert.Equal(before + 1, _ip.Sent.Count);
        Assert.Equal(PeerIsn + 1, _ip.Last().AcknowledgmentNumber);
    }

    [Fact]
    public void AResetInsideTheWindowButNotAtItsEdgeGetsAChallengeAck()
    {
        TcpConnection connection = Establish();
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 100, 0, TcpFlags.Rst));
        Assert.Equal(TcpState.Established, connection.State);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.ChallengeAcks]);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, 0, TcpFlags.Rst));
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(TcpError.Reset, connection.Error);
    }

    [Fact]
    public void ASynInsideAnEstablishedConnectionGetsAChallengeAck()
    {
        TcpConnection connection = Establish();
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, 0, TcpFlags.Syn));
        Assert.Equal(TcpState.Established, connection.State);
        Assert.Equal(1UL, _tcp.Statistics[TcpCounter.ChallengeAcks]);
    }

    [Fact]
    public void OutOfOrderDataWaitsForTheGapThenArrivesWhole()
    {
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 11, serverNext, TcpFlags.Ack, data: "world"u8.ToArray()));
        Assert.Equal(0, connection.Available);
        Assert.Equal(PeerIsn + 1, _ip.Last().AcknowledgmentNumber);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack, data: "hello, my "u8.ToArray()));
        byte[] buffer = new byte[32];
        int read = connection.Receive(buffer, 0);
        Assert.Equal("hello, my world", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        Assert.Equal(PeerIsn + 16, _ip.Last().AcknowledgmentNumber);
    }

    [Fact]
    public void LostDataIsRetransmittedWithBackoffThenTheConnectionGivesUp()
    {
        TcpConnection connection = Establish();
        connection.Send(new byte[100], 0);
        int sends = 0;
        long previousGap = 0;
        long lastSend = 0;
        for (long t = 0; t < 7_200_000 * Ms && connection.State == TcpState.Established; t += 10 * Ms)
        {
            int before = _ip.Sent.Count;
            _tcp.Tick(t);
            if (_ip.Sent.Count > before && _ip.Last().Payload.Length == 100)
            {
                long gap = t - lastSend;
                if (sends > 1)
                    Assert.True(gap >= previousGap, "retransmission timeout must not shrink");
                previousGap = gap;
                lastSend = t;
                sends++;
            }
        }
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(TcpError.TimedOut, connection.Error);
        Assert.Equal(10, sends);
        Assert.True(_ip.Last().Has(TcpFlags.Rst));
    }

    [Fact]
    public void ActiveOpenToAPortNobodyListensOnIsRefused()
    {
        TcpConnection connection = _tcp.Connect(CapturingIp.Peer, 9, 0);
        TcpSegment syn = _ip.Last();
        Assert.Equal(TcpFlags.Syn, syn.Flags);
        Assert.Equal(TcpState.SynSent, connection.State);
        Deliver(CapturingIp.Build(9, connection.LocalPort, 0, syn.SequenceNumber + 1, TcpFlags.Rst | TcpFlags.Ack));
        Assert.Equal(TcpState.Closed, connection.State);
        Assert.Equal(TcpError.Refused, connection.Error);
    }

    [Fact]
    public void EverySendIsCheckedAgainstThePeersWindow()
    {
        TcpConnection connection = Establish();
        uint serverNext = ParseSeq(_ip.Sent[0]) + 1;
        // The peer closes its window.
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack, window: 0));
        int before = _ip.Sent.Count;
        connection.Send(new byte[500], 0);
        Assert.Equal(before, _ip.Sent.Count);
        // The persist timer probes; a window update lets the data go.
        for (long t = 0; t < 5_000 * Ms && _ip.Sent.Count == before; t += 10 * Ms)
            _tcp.Tick(t);
        Assert.True(_tcp.Statistics[TcpCounter.ZeroWindowProbes] >= 1);
        Deliver(CapturingIp.Build(5000, 80, PeerIsn + 1, serverNext, TcpFlags.Ack, window: 8192), 6_000 * Ms);
        Assert.Equal(500, _ip.Last().Payload.Length);
    }

    private static uint ParseSeq(byte[] segment) => Uk.Net.NetworkOrder.ReadUInt32(segment.AsSpan(4));
}
