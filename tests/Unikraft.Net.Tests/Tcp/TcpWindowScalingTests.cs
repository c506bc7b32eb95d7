using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// RFC 7323 section 2: the window scale option is offered on SYN and SYN-ACK, the shifts
// apply only when both SYNs carried it, and a SYN's own window field is never scaled.
public sealed class TcpWindowScalingTests
{
    private const uint PeerIsn = 5000;
    private readonly CapturingIp _ip = new();

    private static void Deliver(TcpLayer tcp, byte[] segment, long now = 0) => tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);

    private static byte[] Options(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private (TcpLayer Tcp, TcpConnection Connection) Accept(TcpOptions options, byte[] synOptions, out uint ourIsn, out TcpSegment synAck)
    {
        options.Seed = 3;
        var tcp = new TcpLayer(_ip, options);
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 4);
        Deliver(tcp, CapturingIp.BuildWithOptions(6000, 80, PeerIsn, 0, TcpFlags.Syn, 65535, synOptions));
        synAck = _ip.Last();
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, synAck.Flags);
        ourIsn = synAck.SequenceNumber;
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack, window: 1000));
        TcpConnection? connection = listener.Accept();
        Assert.NotNull(connection);
        return (tcp, connection!);
    }

    [Fact]
    public void BothSidesOfferingScaleTheWindowsAfterTheHandshake()
    {
        var (tcp, connection) = Accept(new TcpOptions(), Options(CapturingIp.Mss(1460), CapturingIp.WindowScale(5)), out uint ourIsn, out TcpSegment synAck);
        Assert.True(synAck.HasWindowScale);
        Assert.Equal(2, synAck.WindowScale); // 255 KiB needs a shift of 2 (256 would need 3)
        // The SYN-ACK's window is not scaled: the whole 64 KiB it can say.
        Assert.Equal(65535, synAck.Window);
        Assert.True(connection.WindowScalingEnabled);
        Assert.Equal(5, connection.PeerWindowScale);
        // The ACK that completed the handshake said 1000, shifted by the peer's 5.
        Assert.Equal(1000 << 5, connection.PeerWindowBytes);
        // Our later segments advertise the receive ring shifted by our 3.
        connection.Send("x"u8, 0);
        TcpSegment data = _ip.Last();
        Assert.Equal(1, data.Payload.Length);
        Assert.False(data.HasWindowScale);
        Assert.Equal(255 * 1024 >> 2, data.Window);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 2, TcpFlags.Ack, window: 7));
        Assert.Equal(7 << 5, connection.PeerWindowBytes);
    }

    [Fact]
    public void APeerThatDoesNotOfferGetsNoScaleAndItsWindowsAreTakenAsTheyAre()
    {
        var (tcp, connection) = Accept(new TcpOptions(), CapturingIp.Mss(1460), out uint ourIsn, out TcpSegment synAck);
        Assert.False(synAck.HasWindowScale);
        Assert.False(connection.WindowScalingEnabled);
        Assert.Equal(1000, connection.PeerWindowBytes);
        connection.Send("x"u8, 0);
        Assert.Equal(65535, _ip.Last().Window);
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 2, TcpFlags.Ack, window: 7));
        Assert.Equal(7, connection.PeerWindowBytes);
    }

    [Fact]
    public void SwitchedOffItIsNeitherOfferedNorApplied()
    {
        var (_, connection) = Accept(new TcpOptions { WindowScaling = false }, Options(CapturingIp.Mss(1460), CapturingIp.WindowScale(5)), out _, out TcpSegment synAck);
        Assert.False(synAck.HasWindowScale);
        Assert.False(connection.WindowScalingEnabled);
        Assert.Equal(1000, connection.PeerWindowBytes);
    }

    [Fact]
    public void AnActiveOpenOffersItAndAppliesItOnlyWhenTheSynAckAgrees()
    {
        foreach (bool peerAgrees in new[] { true, false })
        {
            var ip = new CapturingIp();
            var tcp = new TcpLayer(ip, new TcpOptions { Seed = 9 });
            TcpConnection connection = tcp.Connect(CapturingIp.Peer, 80, 0);
            TcpSegment syn = ip.Last();
            Assert.Equal(TcpFlags.Syn, syn.Flags);
            Assert.True(syn.HasWindowScale);
            Assert.Equal(2, syn.WindowScale);
            Assert.Equal(65535, syn.Window);
            byte[] options = peerAgrees ? Options(CapturingIp.Mss(1460), CapturingIp.WindowScale(2)) : CapturingIp.Mss(1460);
            // The SYN-ACK's window of 3000 is taken as it is, whatever its scale option says.
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local,
                CapturingIp.BuildWithOptions(80, connection.LocalPort, PeerIsn, syn.SequenceNumber + 1, TcpFlags.Syn | TcpFlags.Ack, 3000, options), false, 0);
            Assert.Equal(TcpState.Established, connection.State);
            Assert.Equal(peerAgrees, connection.WindowScalingEnabled);
            Assert.Equal(3000, connection.PeerWindowBytes);
            Assert.Equal(peerAgrees ? 255 * 1024 >> 2 : 65535, ip.Last().Window);
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local,
                CapturingIp.Build(80, connection.LocalPort, PeerIsn + 1, syn.SequenceNumber + 1, TcpFlags.Ack, window: 3000), false, 0);
            Assert.Equal(peerAgrees ? 3000 << 2 : 3000, connection.PeerWindowBytes);
        }
    }

    [Fact]
    public void ASynCookieOffersNoScaleSoTheConnectionUsesNone()
    {
        var tcp = new TcpLayer(_ip, new TcpOptions { Seed = 4 });
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 1);
        Deliver(tcp, CapturingIp.BuildWithOptions(6001, 80, 1, 0, TcpFlags.Syn, 65535, CapturingIp.WindowScale(5)));
        Deliver(tcp, CapturingIp.BuildWithOptions(6002, 80, PeerIsn, 0, TcpFlags.Syn, 65535, Options(CapturingIp.Mss(1460), CapturingIp.WindowScale(5))));
        TcpSegment cookie = _ip.Last();
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.SynCookiesSent]);
        Assert.False(cookie.HasWindowScale);
        Deliver(tcp, CapturingIp.Build(6002, 80, PeerIsn + 1, cookie.SequenceNumber + 1, TcpFlags.Ack, window: 1000));
        TcpConnection? connection = listener.Accept();
        Assert.NotNull(connection);
        Assert.Equal(6002, connection!.RemotePort);
        Assert.False(connection.WindowScalingEnabled);
        Assert.Equal(1000, connection.PeerWindowBytes);
    }

    [Fact]
    public void AnIdleConnectionHoldsOnlyTheRingsFirstStorage()
    {
        var (tcp, connection) = Accept(new TcpOptions(), CapturingIp.Mss(1460), out uint ourIsn, out _);
        Assert.InRange(connection.BufferBytesAllocated, 2, 2 * 4096);
        int idle = connection.BufferBytesAllocated;
        // Data that fits the first storage takes nothing more; 10 KiB makes the receive ring grow.
        Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1, ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, data: new byte[1000]));
        Assert.Equal(idle, connection.BufferBytesAllocated);
        for (int i = 0; i < 10; i++)
            Deliver(tcp, CapturingIp.Build(6000, 80, PeerIsn + 1001 + (uint)(i * 1000), ourIsn + 1, TcpFlags.Ack | TcpFlags.Psh, data: new byte[1000]));
        Assert.Equal(11_000, connection.Available);
        Assert.InRange(connection.BufferBytesAllocated, idle + 4096, idle + 16384);
    }
}
