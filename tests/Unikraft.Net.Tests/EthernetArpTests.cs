using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class EthernetArpTests
{
    private static readonly IPv4Address Neighbour = new(10, 0, 2, 77);
    private static readonly MacAddress NeighbourMac = new(0x02_00_00_00_00_77UL);

    [Fact]
    public void FramesShorterThanTheHeaderAreDroppedAtEveryLength()
    {
        var stack = TestStack.Create(out _);
        byte[] frame = Packets.UdpFrame(1, 2, new byte[4]);
        for (int length = 0; length < 14; length++)
            stack.ReceiveFrame(frame.AsSpan(0, length), false, 0);
        Assert.Equal(14UL, stack.Statistics[NetCounter.DropEthernetShort]);
    }

    [Fact]
    public void FramesForOtherMacsAndUnknownTypesAreDropped()
    {
        var stack = TestStack.Create(out var link);
        byte[] ip = Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(8, 0, 1, 1, new byte[4]));
        stack.ReceiveFrame(Packets.Ethernet(new MacAddress(0x02_11_22_33_44_55UL), Packets.PeerMac, 0x0800, ip), false, 0);
        stack.ReceiveFrame(Packets.Ethernet(new MacAddress(0x01_00_5E_00_00_01UL), Packets.PeerMac, 0x0800, ip), false, 0);
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x86DD, ip), false, 0);
        Assert.Equal(2UL, stack.Statistics[NetCounter.DropEthernetNotForUs]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropEthernetUnknownType]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void ArpRequestForOurAddressIsAnsweredAndTheAskerLearned()
    {
        var stack = TestStack.Create(out var link, knowPeer: false);
        stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806,
            Packets.Arp(ArpPacket.OpRequest, NeighbourMac, Neighbour, MacAddress.Zero, Packets.StackIp)), false, 0);
        byte[] reply = Assert.Single(link.Sent);
        Assert.Equal(Ethernet.TypeArp, Packets.EtherType(reply));
        Assert.Equal(NeighbourMac, MacAddress.Read(reply));
        Assert.True(ArpPacket.TryParse(reply.AsSpan(14), out ArpPacket packet));
        Assert.Equal(ArpPacket.OpReply, packet.Operation);
        Assert.Equal(Packets.StackMac, packet.SenderMac);
        Assert.Equal(Packets.StackIp, packet.SenderIp);
        Assert.Equal(Neighbour, packet.TargetIp);
        Assert.True(stack.Arp.TryLookup(Neighbour, 0, out MacAddress learned));
        Assert.Equal(NeighbourMac, learned);
    }

    [Fact]
    public void ArpForSomeoneElseIsNotLearned()
    {
        var stack = TestStack.Create(out var link, knowPeer: false);
        stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806,
            Packets.Arp(ArpPacket.OpRequest, NeighbourMac, Neighbour, MacAddress.Zero, new IPv4Address(10, 0, 2, 99))), false, 0);
        Assert.Empty(link.Sent);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropArpNotForUs]);
        Assert.Equal(-1, stack.Arp.Find(Neighbour));
    }

    [Fact]
    public void ArpClaimingOurOwnAddressIsNotLearned()
    {
        var stack = TestStack.Create(out var link, knowPeer: false);
        stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806,
            Packets.Arp(ArpPacket.OpRequest, NeighbourMac, Packets.StackIp, MacAddress.Zero, Packets.StackIp)), false, 0);
        Assert.Equal(-1, stack.Arp.Find(Packets.StackIp));
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void MalformedArpIsDroppedAtEveryTruncationAndBadField()
    {
        var stack = TestStack.Create(out var link);
        byte[] good = Packets.Arp(ArpPacket.OpRequest, NeighbourMac, Neighbour, MacAddress.Zero, Packets.StackIp);
        for (int length = 0; length < good.Length; length++)
            stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806, good.AsSpan(0, length)), false, 0);
        int[] fields = { 1, 3, 4, 5, 7 }; // htype, ptype, hlen, plen, operation
        foreach (int at in fields)
        {
            byte[] bad = (byte[])good.Clone();
            bad[at] ^= 0x40;
            stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806, bad), false, 0);
        }
        byte[] broadcastSender = Packets.Arp(ArpPacket.OpRequest, MacAddress.Broadcast, Neighbour, MacAddress.Zero, Packets.StackIp);
        stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, NeighbourMac, 0x0806, broadcastSender), false, 0);
        Assert.Equal((ulong)(good.Length + fields.Length + 1), stack.Statistics[NetCounter.DropArpMalformed]);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void DatagramWaitsForArpThenGoesToTheResolvedMac()
    {
        var stack = TestStack.Create(out var link, knowPeer: false);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        Assert.True(endpoint.Send(Neighbour, 7, new byte[] { 1, 2, 3 }));
        byte[] request = Assert.Single(link.Take());
        Assert.True(MacAddress.Read(request).IsBroadcast);
        Assert.True(ArpPacket.TryParse(request.AsSpan(14), out ArpPacket asked));
        Assert.Equal(Neighbour, asked.TargetIp);

        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, NeighbourMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, NeighbourMac, Neighbour, Packets.StackMac, Packets.StackIp)), false, 10);
        byte[] datagram = Assert.Single(link.Take());
        Assert.Equal(NeighbourMac, MacAddress.Read(datagram));
        Assert.Equal(Ethernet.TypeIPv4, Packets.EtherType(datagram));
        Assert.Equal(new byte[] { 1, 2, 3 }, Packets.IpPayload(datagram).Slice(8).ToArray());
    }

    [Fact]
    public void UnansweredArpIsRetriedThenTheWaitingDatagramsAreDropped()
    {
        var options = new NetStackOptions { ArpRetries = 3, ArpRetryInterval = TestStack.Second };
        var stack = TestStack.Create(out var link, options, knowPeer: false);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        ulong requestsBefore = stack.Statistics[NetCounter.ArpRequestsSent]; // the gratuitous one
        Assert.True(endpoint.Send(Neighbour, 7, new byte[] { 1 }));
        Assert.True(endpoint.Send(Neighbour, 7, new byte[] { 2 }));
        Assert.Single(link.Take()); // one request for both
        Assert.Equal(TestStack.Second, stack.NextDeadline);
        stack.Tick(TestStack.Second - 1);
        Assert.Empty(link.Sent);
        stack.Tick(TestStack.Second);
        stack.Tick(2 * TestStack.Second);
        Assert.Equal(2, link.Take().Count);
        stack.Tick(3 * TestStack.Second);
        Assert.Empty(link.Sent);
        Assert.Equal(2UL, stack.Statistics[NetCounter.ArpResolutionFailed]);
        Assert.Equal(3UL, stack.Statistics[NetCounter.ArpRequestsSent] - requestsBefore);
        Assert.Equal(-1, stack.Arp.Find(Neighbour));
    }

    [Fact]
    public void ResolvedEntriesExpire()
    {
        var options = new NetStackOptions { ArpEntryLifetime = 5 * TestStack.Second };
        var stack = TestStack.Create(out var link, options);
        Assert.True(stack.Arp.TryLookup(Packets.PeerIp, 0, out _));
        Assert.Equal(5 * TestStack.Second, stack.NextDeadline);
        stack.Tick(5 * TestStack.Second);
        Assert.False(stack.Arp.TryLookup(Packets.PeerIp, 5 * TestStack.Second, out _));
        // The next datagram has to ask again.
        stack.OpenUdp(1).Send(Packets.PeerIp, 2, new byte[1]);
        Assert.Equal(Ethernet.TypeArp, Packets.EtherType(Assert.Single(link.Sent)));
    }

    [Fact]
    public void AnEntryInUseNearItsExpiryIsRefreshedWhileItStillServes()
    {
        var options = new NetStackOptions { ArpEntryLifetime = 10 * TestStack.Second, ArpRetries = 3, ArpRetryInterval = TestStack.Second };
        var stack = TestStack.Create(out var link, options);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        link.Take();
        // Used long before its expiry: nothing but the datagram.
        stack.Tick(2 * TestStack.Second);
        Assert.True(endpoint.Send(Packets.PeerIp, 7, new byte[] { 1 }));
        Assert.Equal(Ethernet.TypeIPv4, Packets.EtherType(Assert.Single(link.Take())));
        // Used within its last three retry intervals: the datagram goes out at once, then one
        // request to the neighbour's own MAC.
        stack.Tick(8 * TestStack.Second);
        Assert.True(endpoint.Send(Packets.PeerIp, 7, new byte[] { 2 }));
        List<byte[]> sent = link.Take();
        Assert.Equal(2, sent.Count);
        Assert.Equal(Ethernet.TypeIPv4, Packets.EtherType(sent[0]));
        Assert.Equal(Ethernet.TypeArp, Packets.EtherType(sent[1]));
        Assert.Equal(Packets.PeerMac, MacAddress.Read(sent[1]));
        Assert.True(endpoint.Send(Packets.PeerIp, 7, new byte[] { 3 }));
        Assert.Single(link.Take()); // one refresh at a time
        // The answer extends the entry: past the old expiry the neighbour is still known.
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, 8 * TestStack.Second + 1);
        stack.Tick(11 * TestStack.Second);
        Assert.True(stack.Arp.TryLookup(Packets.PeerIp, 11 * TestStack.Second, out _));
        Assert.Empty(link.Take());
    }

    [Fact]
    public void AnUnansweredRefreshIsRetriedThenTheEntryLapsesAtItsExpiry()
    {
        var options = new NetStackOptions { ArpEntryLifetime = 10 * TestStack.Second, ArpRetries = 3, ArpRetryInterval = TestStack.Second };
        var stack = TestStack.Create(out var link, options);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        link.Take();
        stack.Tick(7 * TestStack.Second);
        Assert.True(endpoint.Send(Packets.PeerIp, 7, new byte[] { 1 }));
        Assert.Equal(2, link.Take().Count);
        Assert.Equal(8 * TestStack.Second, stack.NextDeadline);
        stack.Tick(8 * TestStack.Second);
        stack.Tick(9 * TestStack.Second);
        Assert.Equal(2, link.Take().Count(f => Packets.EtherType(f) == Ethernet.TypeArp));
        Assert.Equal(10 * TestStack.Second, stack.NextDeadline);
        stack.Tick(10 * TestStack.Second);
        Assert.Equal(-1, stack.Arp.Find(Packets.PeerIp));
    }

    [Fact]
    public void CacheIsBoundedAndEvictsTheEntryClosestToExpiry()
    {
        var options = new NetStackOptions { ArpCacheSize = 4 };
        var stack = TestStack.Create(out _, options, knowPeer: false);
        for (int i = 1; i <= 6; i++)
        {
            var ip = new IPv4Address(10, 0, 2, (byte)(100 + i));
            var mac = new MacAddress(0x02_00_00_00_01_00UL + (ulong)i);
            stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, mac, 0x0806,
                Packets.Arp(ArpPacket.OpRequest, mac, ip, MacAddress.Zero, Packets.StackIp)), false, i * TestStack.Second);
        }
        Assert.Equal(4, stack.Arp.Count);
        Assert.Equal(2UL, stack.Statistics[NetCounter.ArpCacheEvictions]);
        Assert.Equal(-1, stack.Arp.Find(new IPv4Address(10, 0, 2, 101)));
        Assert.Equal(-1, stack.Arp.Find(new IPv4Address(10, 0, 2, 102)));
        Assert.True(stack.Arp.Find(new IPv4Address(10, 0, 2, 106)) >= 0);
    }

    [Fact]
    public void PendingQueueIsBounded()
    {
        var options = new NetStackOptions { ArpQueue = 2 };
        var stack = TestStack.Create(out _, options, knowPeer: false);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        Assert.True(endpoint.Send(Neighbour, 7, new byte[1]));
        Assert.True(endpoint.Send(Neighbour, 7, new byte[1]));
        Assert.False(endpoint.Send(Neighbour, 7, new byte[1]));
        Assert.Equal(1UL, stack.Statistics[NetCounter.SendArpQueueFull]);
    }

    [Fact]
    public void ConfiguringAnnouncesTheAddressWithAGratuitousArp()
    {
        var stack = TestStack.Create(out var link, configured: false);
        stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, Packets.PeerIp);
        byte[] frame = Assert.Single(link.Sent);
        Assert.True(MacAddress.Read(frame).IsBroadcast);
        Assert.True(ArpPacket.TryParse(frame.AsSpan(14), out ArpPacket packet));
        Assert.Equal(Packets.StackIp, packet.SenderIp);
        Assert.Equal(Packets.StackIp, packet.TargetIp);
        Assert.Equal(Packets.StackMac, packet.SenderMac);
    }

    [Fact]
    public void EvictingAPendingEntryDropsItsWaitingDatagrams()
    {
        var options = new NetStackOptions { ArpCacheSize = 2, ArpQueue = 8 };
        var stack = TestStack.Create(out _, options, knowPeer: false);
        UdpEndpoint endpoint = stack.OpenUdp(5000);
        for (int i = 1; i <= 3; i++)
            Assert.True(endpoint.Send(new IPv4Address(10, 0, 2, (byte)(50 + i)), 7, new byte[1]));
        Assert.Equal(1UL, stack.Statistics[NetCounter.ArpCacheEvictions]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.ArpResolutionFailed]);
        // The queue slot came back: five more fit alongside the two still waiting.
        for (int i = 0; i < 6; i++)
            Assert.True(endpoint.Send(new IPv4Address(10, 0, 2, 53), 7, new byte[1]));
        Assert.False(endpoint.Send(new IPv4Address(10, 0, 2, 53), 7, new byte[1]));
    }
}
