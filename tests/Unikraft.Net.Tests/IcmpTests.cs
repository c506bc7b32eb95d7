using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class IcmpTests
{
    [Fact]
    public void EchoRequestIsAnsweredWithTheSamePayload()
    {
        var stack = TestStack.Create(out var link);
        byte[] payload = new byte[56];
        new Random(1).NextBytes(payload);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(8, 0, 0x1234, 7, payload))), false, 0);
        byte[] frame = Assert.Single(link.Sent);
        Assert.Equal(Packets.PeerMac, MacAddress.Read(frame));
        Assert.True(Ipv4Header.TryParse(frame.AsSpan(14), out Ipv4Header header, out _));
        Assert.Equal(Packets.PeerIp, header.Destination);
        ReadOnlySpan<byte> reply = Packets.IpPayload(frame);
        Assert.True(InternetChecksum.IsValid(reply));
        Assert.Equal(0, reply[0]);
        Assert.Equal(0x1234, NetworkOrder.ReadUInt16(reply.Slice(4)));
        Assert.Equal(7, NetworkOrder.ReadUInt16(reply.Slice(6)));
        Assert.Equal(payload, reply.Slice(8).ToArray());
        Assert.Equal(1UL, stack.Statistics[NetCounter.IcmpEchoRepliesSent]);
    }

    [Fact]
    public void BadChecksumShortAndBroadcastPingsAreNotAnswered()
    {
        var stack = TestStack.Create(out var link);
        byte[] icmp = Packets.Icmp(8, 0, 1, 1, new byte[8]);
        icmp[9] ^= 1;
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, icmp)), false, 0);
        for (int length = 0; length < 8; length++)
            stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, new byte[length])), false, 0);
        stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, Packets.PeerMac, 0x0800,
            Packets.Ip(Packets.PeerIp, IPv4Address.Broadcast, 1, Packets.Icmp(8, 0, 1, 1, new byte[8]))), false, 0);
        Assert.Empty(link.Sent);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropIcmpBadChecksum]);
        Assert.Equal(8UL, stack.Statistics[NetCounter.DropIcmpMalformed]);
    }

    [Fact]
    public void OtherMessagesAreRecordedAndEchoRepliesReported()
    {
        var stack = TestStack.Create(out var link);
        var replies = new List<(IPv4Address, ushort, ushort)>();
        stack.Icmp.EchoReply = (from, id, seq) => replies.Add((from, id, seq));
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(0, 0, 5, 6, new byte[4]))), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(3, 1, 0, 0, new byte[28]))), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(11, 0, 0, 0, new byte[28]))), false, 0);
        Assert.Equal((Packets.PeerIp, (ushort)5, (ushort)6), Assert.Single(replies));
        Assert.Equal(1UL, stack.Statistics[NetCounter.IcmpUnreachableReceived]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.IcmpOtherReceived]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void EchoRequestsCanBeSent()
    {
        var stack = TestStack.Create(out var link);
        Assert.True(stack.Icmp.SendEchoRequest(Packets.PeerIp, 3, 4, new byte[] { 1, 2 }));
        ReadOnlySpan<byte> request = Packets.IpPayload(Assert.Single(link.Sent));
        Assert.Equal(8, request[0]);
        Assert.True(InternetChecksum.IsValid(request));
    }

    [Fact]
    public void ClosedUdpPortIsAnsweredWithRateLimitedPortUnreachable()
    {
        var options = new NetStackOptions { IcmpErrorsPerSecond = 3 };
        var stack = TestStack.Create(out var link, options);
        byte[] frame = Packets.UdpFrame(1111, 9999, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
        for (int i = 0; i < 5; i++)
            stack.ReceiveFrame(frame, false, TestStack.Second);
        List<byte[]> sent = link.Take();
        Assert.Equal(3, sent.Count);
        ReadOnlySpan<byte> icmp = Packets.IpPayload(sent[0]);
        Assert.Equal(3, icmp[0]);
        Assert.Equal(3, icmp[1]);
        Assert.True(InternetChecksum.IsValid(icmp));
        // Quotes the offending IP header and the first 8 bytes of its payload.
        Assert.Equal(8 + 20 + 8, icmp.Length);
        Assert.Equal(frame.AsSpan(14, 28).ToArray(), icmp.Slice(8).ToArray());
        Assert.Equal(5UL, stack.Statistics[NetCounter.DropUdpNoPort]);
        Assert.Equal(2UL, stack.Statistics[NetCounter.IcmpErrorsRateLimited]);
        stack.ReceiveFrame(frame, false, 2 * TestStack.Second + 1);
        Assert.Single(link.Sent);
    }
}
