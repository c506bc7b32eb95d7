using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The send buffer takes twice the congestion window (at least 16 KiB), up to its configured
// size: a peer that stops reading leaves the connection holding a window's worth, and a
// transfer whose window grows gets the buffer to keep it full.
public sealed class TcpSendBufferTests
{
    private const uint PeerIsn = 7000;
    private readonly CapturingIp _ip = new();

    private static void Deliver(TcpLayer tcp, byte[] segment, long now = 0) => tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    private (TcpLayer Tcp, TcpConnection Connection, uint OurIsn) Accept()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 5 });
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 4);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn, 0, TcpFlags.Syn, 65535, CapturingIp.Mss(1460)));
        uint ourIsn = _ip.Last().SequenceNumber;
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack, window: 65535));
        return (tcp, listener.Accept()!, ourIsn);
    }

    // One past the last sequence number of data sent so far.
    private uint HighestSent()
    {
        uint highest = 0;
        foreach (byte[] bytes in _ip.Sent)
        {
            Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(bytes, out TcpSegment segment));
            uint end = segment.SequenceNumber + (uint)segment.Payload.Length;
            if (segment.Payload.Length > 0 && (highest == 0 || (int)(end - highest) > 0))
                highest = end;
        }
        return highest;
    }

    [Fact]
    public void APeerThatReadsNothingLeavesTwiceTheFirstWindowBuffered()
    {
        var (_, connection, _) = Accept();
        int window = connection.CongestionWindow;
        int taken = connection.Send(new byte[1_000_000], 0);

        Assert.Equal(Math.Max(16 * 1024, 2 * window), taken);
        Assert.Equal(0, connection.SendSpace);
        Assert.True(taken < TcpOptions.DefaultBuffer / 4, $"{taken} bytes buffered for a peer that never acknowledged");
    }

    [Fact]
    public void AcknowledgedDataGrowsTheWindowAndTheBufferUpToItsSize()
    {
        var (tcp, connection, ourIsn) = Accept();
        int first = connection.Send(new byte[1_000_000], 0);
        uint acknowledged = ourIsn + 1;
        int total = first;
        int most = first;
        for (int round = 0; round < 200; round++)
        {
            // The peer acknowledges everything sent so far with a full window; the
            // application fills what room that opens.
            uint sent = HighestSent();
            if (sent != 0 && sent != acknowledged)
            {
                acknowledged = sent;
                Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, acknowledged, TcpFlags.Ack, window: 65535), round + 1);
            }
            total += connection.Send(new byte[1_000_000], round + 1);
            most = Math.Max(most, connection.SendSpace + (int)(ourIsn + 1 + (uint)total - acknowledged));
        }

        Assert.True(connection.CongestionWindow > 16 * 1460, "the window did not grow: " + connection.CongestionWindow);
        Assert.True(most > first * 2, $"the buffer stayed at {most} bytes (first {first})");
        Assert.True(most <= TcpOptions.DefaultBuffer, $"{most} bytes buffered, more than the configured {TcpOptions.DefaultBuffer}");
    }
}
