using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// RFC 2018 and RFC 6675: SACK-permitted on SYN, blocks in ACKs from the out-of-order ranges
// (latest first), and a sender whose recovery retransmits only the holes its peer reported.
public sealed class TcpSackTests
{
    private const long Ms = 1_000_000;
    private const uint PeerIsn = 9000;
    private readonly CapturingIp _ip = new();

    private static byte[] Options(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static void Deliver(TcpLayer tcp, byte[] segment, long now = 0) => tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    private static byte[] Sack(params (uint Left, uint Right)[] blocks)
    {
        var bytes = new List<byte> { 1, 1, 5, (byte)(2 + 8 * blocks.Length) };
        foreach ((uint left, uint right) in blocks)
        {
            bytes.AddRange([(byte)(left >> 24), (byte)(left >> 16), (byte)(left >> 8), (byte)left]);
            bytes.AddRange([(byte)(right >> 24), (byte)(right >> 16), (byte)(right >> 8), (byte)right]);
        }
        return bytes.ToArray();
    }

    // A passive open (no timestamps, so 4 blocks fit) whose SYN offers SACK when peerOffers.
    private TcpConnection Accept(TcpOptions options, bool peerOffers, out TcpLayer tcp, out uint ourIsn)
    {
        options.Seed = 12;
        options.Timestamps = false;
        tcp = new TcpLayer(_ip, options);
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 4);
        byte[] synOptions = peerOffers ? Options(CapturingIp.Mss(1460), CapturingIp.SackPermitted()) : CapturingIp.Mss(1460);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn, 0, TcpFlags.Syn, 65535, synOptions));
        TcpSegment synAck = _ip.Last();
        ourIsn = synAck.SequenceNumber;
        Assert.Equal(peerOffers && options.SelectiveAcknowledgments, synAck.SackPermitted);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack, window: 65535));
        TcpConnection? connection = listener.Accept();
        Assert.NotNull(connection);
        return connection!;
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void ItIsUsedOnlyWhenBothOfferIt(bool ours, bool peerOffers, bool expected)
    {
        TcpConnection connection = Accept(new TcpOptions { SelectiveAcknowledgments = ours }, peerOffers, out _, out _);
        Assert.Equal(expected, connection.SackEnabled);
    }

    [Fact]
    public void AnActiveOpenOffersSackPermitted()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 1 });
        tcp.Connect(CapturingIp.Peer, 80, 0);
        Assert.True(_ip.Last().SackPermitted);
        var off = new CapturingIp();
        new TcpLayer(off, new TcpOptions { Seed = 1, SelectiveAcknowledgments = false }).Connect(CapturingIp.Peer, 80, 0);
        Assert.False(off.Last().SackPermitted);
    }

    [Fact]
    public void AcksNameTheOutOfOrderRangesLatestFirst()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        uint start = PeerIsn + 1;
        void Segment(int offset, int length) => Deliver(tcp, CapturingIp.Build(6000, 80, start + (uint)offset, ourIsn + 1, TcpFlags.Ack, 65535, data: new byte[length]));
        Segment(1000, 100);
        TcpSegment ack = _ip.Last();
        Assert.Equal(start, ack.AcknowledgmentNumber);
        Assert.Equal(1, ack.SackBlockCount);
        Assert.Equal(start + 1000, ack.SackLeft(0));
        Assert.Equal(start + 1100, ack.SackRight(0));
        Segment(3000, 100);
        Segment(2000, 100);
        ack = _ip.Last();
        Assert.Equal(3, ack.SackBlockCount);
        // The latest (2000) first, then the others in order.
        Assert.Equal(start + 2000, ack.SackLeft(0));
        Assert.Equal(start + 1000, ack.SackLeft(1));
        Assert.Equal(start + 3000, ack.SackLeft(2));
        Segment(4000, 100);
        Segment(5000, 100);
        ack = _ip.Last();
        Assert.Equal(4, ack.SackBlockCount); // at most 4 without timestamps
        Assert.Equal(start + 5000, ack.SackLeft(0));
        // Filling the first hole leaves the ranges above it.
        Segment(0, 1000);
        ack = _ip.Last();
        Assert.Equal(start + 1100, ack.AcknowledgmentNumber);
        Assert.Equal(4, ack.SackBlockCount);
        Assert.Equal(1100, connection.Available);
        Segment(1100, 3900);
        Segment(5100, 100);
        tcp.Tick(100 * Ms); // in order, no hole left: the delayed ACK
        ack = _ip.Last();
        Assert.Equal(start + 5200, ack.AcknowledgmentNumber);
        Assert.Equal(0, ack.SackBlockCount);
    }

    [Fact]
    public void WithoutSackNoBlocksAreSent()
    {
        Accept(new TcpOptions(), peerOffers: false, out TcpLayer tcp, out uint ourIsn);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1001, ourIsn + 1, TcpFlags.Ack, 65535, data: new byte[100]));
        Assert.Equal(0, _ip.Last().SackBlockCount);
        Assert.Equal(PeerIsn + 1, _ip.Last().AcknowledgmentNumber);
    }

    [Fact]
    public void RecoveryRetransmitsOnlyTheHoles()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        const int Mss = 1460;
        uint first = ourIsn + 1;
        int sentBefore = _ip.Sent.Count;
        connection.Send(new byte[10 * Mss], 0);
        Assert.Equal(sentBefore + 10, _ip.Sent.Count); // the initial window: 10 segments
        uint S(int segment) => first + (uint)(segment * Mss);
        // Segments 0 and 4 were lost: three duplicate ACKs name 1-3 and 5-9.
        byte[] dup = CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, S(0), TcpFlags.Ack, 65535, Sack((S(5), S(10)), (S(1), S(4))));
        int beforeRecovery = _ip.Sent.Count;
        for (int i = 0; i < 3; i++)
            Deliver(tcp, dup, 10 * Ms);
        List<uint> resent = _ip.Sent.Skip(beforeRecovery).Select(Parse).Where(s => s.Length > 0).Select(s => s.Seq).ToList();
        Assert.Equal(new[] { S(0), S(4) }, resent);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.FastRetransmissions]);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.SackRetransmissions]);
        // The resent segment 0 arrives: a partial ACK up to the hole at 4, which was already
        // resent, so nothing goes again.
        int beforePartial = _ip.Sent.Count;
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, S(4), TcpFlags.Ack, 65535, Sack((S(5), S(10)))), 20 * Ms);
        Assert.DoesNotContain(_ip.Sent.Skip(beforePartial).Select(Parse), s => s.Length > 0);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, S(10), TcpFlags.Ack, window: 65535), 30 * Ms);
        Assert.Equal(0, connection.Unacknowledged);
        Assert.Equal(2UL, tcp.Statistics[TcpCounter.Retransmissions]);
    }

    [Fact]
    public void WithoutSackNewRenoResendsTheNextSegmentOnAPartialAck()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: false, out TcpLayer tcp, out uint ourIsn);
        const int Mss = 1460;
        uint first = ourIsn + 1;
        connection.Send(new byte[10 * Mss], 0);
        uint S(int segment) => first + (uint)(segment * Mss);
        byte[] dup = CapturingIp.Build(6000, 80, PeerIsn + 1, S(0), TcpFlags.Ack, window: 65535);
        for (int i = 0; i < 3; i++)
            Deliver(tcp, dup, 10 * Ms);
        Assert.Equal(S(0), Parse(_ip.Last()).Seq);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, S(4), TcpFlags.Ack, window: 65535), 20 * Ms);
        Assert.Contains(_ip.Sent.Select(Parse), s => s.Seq == S(4) && s.Length > 0);
        Assert.Equal(0UL, tcp.Statistics[TcpCounter.SackRetransmissions]);
    }

    [Fact]
    public void BogusBlocksAreIgnored()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        uint first = ourIsn + 1;
        connection.Send(new byte[4000], 0);
        // Beyond what was sent, inverted, and below the cumulative ACK (D-SACK style).
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, first, TcpFlags.Ack, 65535,
            Sack((first + 3000, first + 9000), (first + 2000, first + 1000), (first - 500, first))), 1 * Ms);
        Assert.Equal(4000, connection.Unacknowledged);
        Assert.Equal(0, connection.SelectivelyAcknowledged);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, first, TcpFlags.Ack, 65535, Sack((first + 1000, first + 2000))), 2 * Ms);
        Assert.Equal(1000, connection.SelectivelyAcknowledged);
    }

    [Fact]
    public void TheScoreboardMergesRebasesAndFindsHoles()
    {
        var board = new SackScoreboard(4);
        board.Add(100, 200);
        board.Add(300, 400);
        board.Add(150, 320);
        Assert.Equal(1, board.Count);
        Assert.Equal(300, board.SackedBytes);
        board.Add(600, 700);
        Assert.True(board.NextHole(0, out int start, out int length));
        Assert.Equal((0, 100), (start, length));
        Assert.True(board.NextHole(120, out start, out length));
        Assert.Equal((400, 200), (start, length));
        Assert.False(board.NextHole(650, out _, out _));
        Assert.Equal(300, board.HoleBytesFrom(0));
        Assert.Equal(150, board.HoleBytesFrom(450));
        board.Acknowledge(150);
        Assert.True(board.Contains(0));
        Assert.Equal(250 + 100, board.SackedBytes);
        board.Acknowledge(600);
        Assert.True(board.IsEmpty);
        for (int i = 0; i < 10; i++)
            board.Add(i * 10, i * 10 + 5);
        Assert.Equal(4, board.Count); // full: later blocks are forgotten
    }

    private static (uint Seq, int Length) Parse(byte[] segment)
    {
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(segment, out TcpSegment parsed));
        return (parsed.SequenceNumber, parsed.Payload.Length);
    }

    private static (uint Seq, int Length) Parse(TcpSegment parsed) => (parsed.SequenceNumber, parsed.Payload.Length);
}
