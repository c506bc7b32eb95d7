using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// RFC 7323 sections 3 to 5: timestamps offered on SYN and used only when both sides offered
// them, TSecr echoing the peer's latest in-sequence TSval, PAWS dropping old duplicates, and
// round-trip samples from the echo (retransmissions included).
public sealed class TcpTimestampTests
{
    private const long Ms = 1_000_000;
    private const uint PeerIsn = 7000;
    private readonly CapturingIp _ip = new();

    private static byte[] Options(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static void Deliver(TcpLayer tcp, byte[] segment, long now = 0) => tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    // A passive open whose SYN carries TSval 100 (and the handshake's ACK TSval 101).
    private TcpConnection Accept(TcpOptions options, bool peerOffers, out TcpLayer tcp, out uint ourIsn)
    {
        options.Seed = 6;
        tcp = new TcpLayer(_ip, options);
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 4);
        byte[] synOptions = peerOffers ? Options(CapturingIp.Mss(1460), CapturingIp.Timestamps(100, 0)) : CapturingIp.Mss(1460);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn, 0, TcpFlags.Syn, 65535, synOptions));
        TcpSegment synAck = _ip.Last();
        ourIsn = synAck.SequenceNumber;
        Assert.Equal(peerOffers && options.Timestamps, synAck.HasTimestamps);
        if (synAck.HasTimestamps)
            Assert.Equal(100u, synAck.TimestampEcho);
        byte[] ackOptions = peerOffers ? CapturingIp.Timestamps(101, synAck.TimestampValue) : [];
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack, 65535, ackOptions));
        TcpConnection? connection = listener.Accept();
        Assert.NotNull(connection);
        return connection!;
    }

    [Fact]
    public void BothOfferingEverySegmentCarriesThemAndEchoesTheLatest()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        Assert.True(connection.TimestampsEnabled);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(150, 0), "abc"u8.ToArray()), 5 * Ms);
        Assert.Equal(3, connection.Available);
        connection.Send(new byte[3000], 5 * Ms);
        TcpSegment data = _ip.Last();
        Assert.True(data.HasTimestamps);
        Assert.Equal(150u, data.TimestampEcho);
        // The MSS counts no option: a full segment carries 1460 - 12 data bytes.
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(_ip.Sent[^3], out TcpSegment first));
        Assert.Equal(1448, first.Payload.Length);
        Assert.Equal(3000 - 2 * 1448, data.Payload.Length);
    }

    [Fact]
    public void AnOldTimestampIsDroppedByPawsAndAnswered()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(500, 0), "abc"u8.ToArray()));
        int sent = _ip.Sent.Count;
        // In the window and in sequence, but TSval 400 < TS.Recent 500: an old duplicate.
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 4, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(400, 0), "zzz"u8.ToArray()));
        Assert.Equal(3, connection.Available);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.DropPaws]);
        Assert.Equal(sent + 1, _ip.Sent.Count);
        Assert.Equal(PeerIsn + 4, _ip.Last().AcknowledgmentNumber);
        Assert.Equal(500u, _ip.Last().TimestampEcho);
        // The same bytes with a current TSval are taken.
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 4, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(600, 0), "zzz"u8.ToArray()));
        Assert.Equal(6, connection.Available);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.DropPaws]);
    }

    [Fact]
    public void ATimestampOlderThan24DaysNoLongerJudges()
    {
        TcpConnection connection = Accept(new TcpOptions(), peerOffers: true, out TcpLayer tcp, out uint ourIsn);
        long later = 25L * 24 * 3600 * 1000 * Ms;
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(50, 0), "abc"u8.ToArray()), later);
        Assert.Equal(3, connection.Available);
        Assert.Equal(0UL, tcp.Statistics[TcpCounter.DropPaws]);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void WithoutBothSidesNoSegmentCarriesThem(bool ourSide, bool peerOffers)
    {
        TcpConnection connection = Accept(new TcpOptions { Timestamps = ourSide }, peerOffers, out TcpLayer tcp, out uint ourIsn);
        Assert.False(connection.TimestampsEnabled);
        // An old TSval means nothing then.
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, 65535,
            CapturingIp.Timestamps(1, 0), "abc"u8.ToArray()));
        Assert.Equal(3, connection.Available);
        connection.Send(new byte[2000], 0);
        TcpSegment data = _ip.Last();
        Assert.False(data.HasTimestamps);
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(_ip.Sent[^2], out TcpSegment first));
        Assert.Equal(1460, first.Payload.Length);
    }

    [Fact]
    public void TheEchoTimesARetransmissionThatKarnsRuleWouldSkip()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 8 });
        TcpConnection connection = tcp.Connect(CapturingIp.Peer, 80, 0);
        TcpSegment syn = _ip.Last();
        Assert.True(syn.HasTimestamps);
        Assert.Equal(0u, syn.TimestampEcho);
        // The SYN-ACK after 10 ms: the first sample.
        Deliver(tcp, CapturingIp.BuildWithOptions(80, connection.LocalPort, PeerIsn, syn.SequenceNumber + 1, TcpFlags.Syn | TcpFlags.Ack, 65535,
            Options(CapturingIp.Mss(1460), CapturingIp.Timestamps(9000, syn.TimestampValue))), 10 * Ms);
        Assert.True(connection.TimestampsEnabled);
        Assert.Equal(10 * Ms, connection.SmoothedRtt);
        Assert.Equal(9000u, _ip.Last().TimestampEcho);
        connection.Send("hello"u8, 10 * Ms);
        // Lost: the retransmission timer (1 s, no variance yet beyond the floor) resends it.
        long retransmitAt = 10 * Ms + connection.RetransmissionTimeout;
        tcp.Tick(retransmitAt);
        TcpSegment again = _ip.Last();
        Assert.Equal(5, again.Payload.Length);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.Timeouts]);
        // Its ACK 30 ms later echoes the retransmission's TSval: a 30 ms sample.
        Deliver(tcp, CapturingIp.BuildWithOptions(80, connection.LocalPort, PeerIsn + 1, again.SequenceNumber + 5, TcpFlags.Ack, 65535,
            CapturingIp.Timestamps(9100, again.TimestampValue)), retransmitAt + 30 * Ms);
        Assert.Equal((7 * 10 * Ms + 30 * Ms) / 8, connection.SmoothedRtt);
    }
}
