using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class Ipv4Tests
{
    private static byte[] Ping(IPv4Address source, IPv4Address destination, byte ttl = 64) =>
        Packets.Ip(source, destination, 1, Packets.Icmp(8, 0, 7, 1, new byte[] { 9, 9 }), ttl: ttl);

    [Fact]
    public void TruncatedAtEveryLengthIsDroppedAndNeverAnswered()
    {
        var stack = TestStack.Create(out var link);
        byte[] ip = Ping(Packets.PeerIp, Packets.StackIp);
        for (int length = 0; length < ip.Length; length++)
            stack.ReceiveFrame(Packets.IpFrame(ip[..length]), false, 0);
        Assert.Empty(link.Sent);
        Assert.Equal(TestStack.Outcomes(stack.Statistics), stack.Statistics[NetCounter.FramesReceived]);
        Assert.Equal(20UL, stack.Statistics[NetCounter.DropIpShort]);
        // 20..29 bytes: the header is whole but total length says 30
        Assert.Equal(10UL, stack.Statistics[NetCounter.DropIpBadLength]);
        stack.ReceiveFrame(Packets.IpFrame(ip), false, 0);
        Assert.Single(link.Sent);
    }

    [Fact]
    public void EthernetPaddingAfterTheDatagramIsIgnored()
    {
        var stack = TestStack.Create(out var link);
        byte[] ip = Ping(Packets.PeerIp, Packets.StackIp);
        byte[] padded = new byte[60];
        ip.CopyTo(padded, 0);
        stack.ReceiveFrame(Packets.IpFrame(padded), false, 0);
        byte[] reply = Assert.Single(link.Sent);
        Assert.Equal(14 + ip.Length, reply.Length);
    }

    [Theory]
    [InlineData(0, 0x55, NetCounter.DropIpBadVersion)]
    [InlineData(0, 0x44, NetCounter.DropIpBadHeaderLength)]
    [InlineData(0, 0x4F, NetCounter.DropIpBadHeaderLength)]
    [InlineData(3, 0xFF, NetCounter.DropIpBadLength)]
    [InlineData(3, 0x13, NetCounter.DropIpBadLength)]
    [InlineData(11, 0x00, NetCounter.DropIpBadChecksum)]
    public void BadHeaderFieldsAreDroppedWithTheirCounter(int offset, byte value, NetCounter expected)
    {
        var stack = TestStack.Create(out var link);
        byte[] ip = Ping(Packets.PeerIp, Packets.StackIp);
        ip[offset] = value;
        if (expected != NetCounter.DropIpBadChecksum)
        {
            // Fix the checksum so only the field under test is wrong.
            ip[10] = ip[11] = 0;
            int headerLength = Math.Min(20, ip.Length);
            NetworkOrder.WriteUInt16(ip.AsSpan(10), InternetChecksum.Compute(ip.AsSpan(0, headerLength)));
        }
        else
            ip[10] ^= 0xFF;
        stack.ReceiveFrame(Packets.IpFrame(ip), false, 0);
        Assert.Equal(1UL, stack.Statistics[expected]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void TtlZeroIsDropped()
    {
        var stack = TestStack.Create(out var link);
        stack.ReceiveFrame(Packets.IpFrame(Ping(Packets.PeerIp, Packets.StackIp, ttl: 0)), false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropIpBadTtl]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void DatagramsForOtherHostsAndFromBroadcastSourcesAreDropped()
    {
        var stack = TestStack.Create(out var link);
        stack.ReceiveFrame(Packets.IpFrame(Ping(Packets.PeerIp, new IPv4Address(10, 0, 2, 16))), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Ping(Packets.PeerIp, new IPv4Address(224, 0, 0, 1))), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Ping(IPv4Address.Broadcast, Packets.StackIp)), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Ping(new IPv4Address(10, 0, 2, 255), Packets.StackIp)), false, 0);
        Assert.Equal(2UL, stack.Statistics[NetCounter.DropIpNotForUs]);
        Assert.Equal(2UL, stack.Statistics[NetCounter.DropIpBadSource]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void OnLinkDestinationsAreResolvedDirectlyAndOthersThroughTheGateway()
    {
        var stack = TestStack.Create(out var link, knowPeer: false);
        UdpEndpoint endpoint = stack.OpenUdp(0);
        endpoint.Send(new IPv4Address(10, 0, 2, 50), 9, new byte[1]);
        endpoint.Send(Packets.RemoteIp, 9, new byte[1]);
        List<byte[]> frames = link.Take();
        Assert.Equal(2, frames.Count);
        Assert.True(ArpPacket.TryParse(frames[0].AsSpan(14), out ArpPacket first));
        Assert.True(ArpPacket.TryParse(frames[1].AsSpan(14), out ArpPacket second));
        Assert.Equal(new IPv4Address(10, 0, 2, 50), first.TargetIp);
        Assert.Equal(Packets.PeerIp, second.TargetIp); // the gateway
    }

    [Fact]
    public void SendHeaderIsValidAndIdentificationsDiffer()
    {
        var stack = TestStack.Create(out var link);
        UdpEndpoint endpoint = stack.OpenUdp(0);
        endpoint.Send(Packets.RemoteIp, 9, new byte[10]);
        endpoint.Send(Packets.RemoteIp, 9, new byte[10]);
        List<byte[]> frames = link.Take();
        Assert.Equal(Packets.PeerMac, MacAddress.Read(frames[0]));
        Assert.True(Ipv4Header.TryParse(frames[0].AsSpan(14), out Ipv4Header a, out _));
        Assert.True(Ipv4Header.TryParse(frames[1].AsSpan(14), out Ipv4Header b, out _));
        Assert.Equal(Packets.StackIp, a.Source);
        Assert.Equal(Packets.RemoteIp, a.Destination);
        Assert.Equal(64, a.Ttl);
        Assert.Equal(38, a.TotalLength);
        Assert.NotEqual(a.Identification, b.Identification);
    }

    [Fact]
    public void NoRouteWithoutAddressOrGatewayAndNothingOversize()
    {
        var unconfigured = TestStack.Create(out var link, configured: false);
        Assert.False(unconfigured.SendIp(default, Packets.PeerIp, 17, new byte[8]));
        Assert.True(unconfigured.SendIp(default, IPv4Address.Broadcast, 17, new byte[8]));
        Assert.Equal(1UL, unconfigured.Statistics[NetCounter.SendNoRoute]);

        var stack = TestStack.Create(out _);
        stack.Configure(Packets.StackIp, Packets.Mask, default, default);
        Assert.False(stack.SendIp(Packets.StackIp, Packets.RemoteIp, 17, new byte[8]));
        // Past one frame the datagram goes in fragments; past what IPv4 carries it does not go.
        Assert.False(stack.SendIp(Packets.StackIp, Packets.PeerIp, 17, new byte[Ipv4Header.MaxPayload + 1]));
        Assert.True(stack.SendIp(Packets.StackIp, Packets.PeerIp, 17, new byte[stack.MaxPayload + 1]));
        Assert.True(stack.SendIp(Packets.StackIp, Packets.PeerIp, 17, new byte[stack.MaxPayload]));
        Assert.Equal(1UL, stack.Statistics[NetCounter.SendNoRoute]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.SendTooBig]);
    }

    private sealed class Recorder : IIpProtocolHandler
    {
        public List<(IPv4Address From, byte[] Payload, bool Verified)> Received { get; } = new();
        public List<long> Ticks { get; } = new();
        public long NextDeadline { get; set; } = long.MaxValue;
        public void Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload, bool checksumVerified, long now) =>
            Received.Add((source, payload.ToArray(), checksumVerified));
        public void Tick(long now) => Ticks.Add(now);
    }

    [Fact]
    public void RegisteredProtocolsGetTheirPayloadTimersAndDeadlines()
    {
        var stack = TestStack.Create(out var link);
        var tcp = new Recorder { NextDeadline = 42 };
        stack.RegisterProtocol(6, tcp);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 6, new byte[] { 1, 2, 3 })), true, 5);
        var (from, payload, verified) = Assert.Single(tcp.Received);
        Assert.Equal(Packets.PeerIp, from);
        Assert.Equal(new byte[] { 1, 2, 3 }, payload);
        Assert.True(verified);
        Assert.Equal(42, stack.NextDeadline);
        stack.Tick(42);
        Assert.Equal(new long[] { 42 }, tcp.Ticks);
        Assert.Throws<InvalidOperationException>(() => stack.RegisterProtocol(17, tcp));
    }

    [Fact]
    public void UnknownProtocolIsAnsweredWithProtocolUnreachable()
    {
        var stack = TestStack.Create(out var link);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 99, new byte[12])), false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropIpUnknownProtocol]);
        ReadOnlySpan<byte> icmp = Packets.IpPayload(Assert.Single(link.Sent));
        Assert.Equal(3, icmp[0]);
        Assert.Equal(2, icmp[1]);
    }
}
