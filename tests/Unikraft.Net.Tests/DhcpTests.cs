using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class DhcpTests
{
    private static readonly IPv4Address Server = new(10, 0, 2, 2);
    private static readonly IPv4Address Offered = new(10, 0, 2, 15);
    private static readonly IPv4Address Dns = new(10, 0, 2, 3);

    // What the client sent, parsed from its frame: (message type, xid, ciaddr, requested, server id, destination).
    private sealed record Sent(byte Type, uint Xid, IPv4Address ClientAddress, IPv4Address Requested, IPv4Address ServerId, IPv4Address To);

    private static Sent ParseClientFrame(byte[] frame)
    {
        Assert.Equal(Ethernet.TypeIPv4, Packets.EtherType(frame));
        Assert.True(Ipv4Header.TryParse(frame.AsSpan(14), out Ipv4Header ip, out _));
        ReadOnlySpan<byte> udp = Packets.IpPayload(frame);
        Assert.Equal(68, NetworkOrder.ReadUInt16(udp));
        Assert.Equal(67, NetworkOrder.ReadUInt16(udp.Slice(2)));
        ReadOnlySpan<byte> dhcp = udp.Slice(8);
        Assert.Equal(1, dhcp[0]);
        Assert.Equal(Packets.StackMac, MacAddress.Read(dhcp.Slice(28)));
        byte type = 0;
        IPv4Address requested = default, serverId = default;
        for (int i = 240; i < dhcp.Length && dhcp[i] != 255;)
        {
            if (dhcp[i] == 0) { i++; continue; }
            byte code = dhcp[i], length = dhcp[i + 1];
            ReadOnlySpan<byte> value = dhcp.Slice(i + 2, length);
            if (code == 53) type = value[0];
            if (code == 50) requested = IPv4Address.Read(value);
            if (code == 54) serverId = IPv4Address.Read(value);
            i += 2 + length;
        }
        return new Sent(type, NetworkOrder.ReadUInt32(dhcp.Slice(4)), IPv4Address.Read(dhcp.Slice(12)), requested, serverId, ip.Destination);
    }

    public static byte[] Reply(byte type, uint xid, IPv4Address yours, uint lease = 86400, bool withMask = true, MacAddress? mac = null, byte[]? extraOptions = null)
    {
        var options = new List<byte> { 53, 1, type, 54, 4 };
        options.AddRange(Bytes(Server));
        if (withMask) { options.AddRange(new byte[] { 1, 4 }); options.AddRange(Bytes(Packets.Mask)); }
        options.AddRange(new byte[] { 3, 8 });
        options.AddRange(Bytes(Server));
        options.AddRange(Bytes(new IPv4Address(10, 0, 2, 1)));
        options.AddRange(new byte[] { 6, 4 });
        options.AddRange(Bytes(Dns));
        options.AddRange(new byte[] { 51, 4, (byte)(lease >> 24), (byte)(lease >> 16), (byte)(lease >> 8), (byte)lease });
        if (extraOptions is not null)
            options.AddRange(extraOptions);
        options.Add(255);
        var message = new byte[240 + options.Count];
        message[0] = 2; message[1] = 1; message[2] = 6;
        NetworkOrder.WriteUInt32(message.AsSpan(4), xid);
        yours.Write(message.AsSpan(16));
        (mac ?? Packets.StackMac).Write(message.AsSpan(28));
        NetworkOrder.WriteUInt32(message.AsSpan(236), 0x63825363);
        options.CopyTo(message, 240);
        return message;
    }

    private static byte[] Bytes(IPv4Address address)
    {
        var b = new byte[4];
        address.Write(b);
        return b;
    }

    private static byte[] ServerFrame(byte[] dhcp, ushort sourcePort = 67) =>
        Packets.Ethernet(MacAddress.Broadcast, Packets.PeerMac, 0x0800,
            Packets.Ip(Server, IPv4Address.Broadcast, 17, Packets.Udp(Server, IPv4Address.Broadcast, sourcePort, 68, dhcp)));

    // Runs DISCOVER..ACK; returns the stack bound at time now.
    private static NetStack Bind(out QueueLink link, out DhcpClient client, long now = 0, uint lease = 86400)
    {
        var stack = TestStack.Create(out link, configured: false);
        client = stack.StartDhcp(now);
        Sent discover = ParseClientFrame(Assert.Single(link.Take()));
        Assert.Equal(DhcpMessage.Discover, discover.Type);
        Assert.Equal(IPv4Address.Broadcast, discover.To);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Offer, discover.Xid, Offered, lease)), false, now);
        Sent request = ParseClientFrame(Assert.Single(link.Take()));
        Assert.Equal(DhcpMessage.Request, request.Type);
        Assert.Equal(Offered, request.Requested);
        Assert.Equal(Server, request.ServerId);
        Assert.Equal(DhcpState.Requesting, client.State);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Ack, request.Xid, Offered, lease)), false, now);
        return stack;
    }

    [Fact]
    public void ExchangeConfiguresAddressMaskRouterAndDns()
    {
        NetStack stack = Bind(out var link, out var client);
        Assert.Equal(DhcpState.Bound, client.State);
        Assert.True(stack.IsConfigured);
        Assert.Equal(Offered, stack.Address);
        Assert.Equal(Packets.Mask, stack.Netmask);
        Assert.Equal(Server, stack.Gateway); // the first router listed
        Assert.Equal(Dns, stack.DnsServer);
        Assert.Equal(86400U, client.LeaseSeconds);
        // Bound: the address is announced.
        Assert.True(ArpPacket.TryParse(Assert.Single(link.Sent).AsSpan(14), out ArpPacket announce));
        Assert.Equal(Offered, announce.TargetIp);
    }

    [Fact]
    public void UnansweredMessagesAreResentWithBackoff()
    {
        var stack = TestStack.Create(out var link, configured: false);
        DhcpClient client = stack.StartDhcp(0);
        link.Take();
        var sendTimes = new List<long>();
        for (long t = 0; t <= 60 * TestStack.Second; t += TestStack.Second / 10)
        {
            stack.Tick(t);
            if (link.Take().Count > 0)
                sendTimes.Add(t / TestStack.Second);
        }
        Assert.Equal(new long[] { 1, 3, 7, 15, 31, 47 }, sendTimes.ToArray());
        Assert.Equal(DhcpState.Selecting, client.State);
    }

    [Fact]
    public void RepliesForOthersWrongXidWrongPortOrMalformedAreIgnored()
    {
        var stack = TestStack.Create(out var link, configured: false);
        DhcpClient client = stack.StartDhcp(0);
        Sent discover = ParseClientFrame(Assert.Single(link.Take()));
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Offer, discover.Xid + 1, Offered)), false, 0);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Offer, discover.Xid, Offered, mac: new MacAddress(0x02_01_02_03_04_05UL))), false, 0);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Offer, discover.Xid, Offered), sourcePort: 1067), false, 0);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Ack, discover.Xid, Offered)), false, 0); // an ACK while selecting
        byte[] offer = Reply(DhcpMessage.Offer, discover.Xid, Offered);
        for (int length = 0; length < offer.Length - 1; length++)
            stack.ReceiveFrame(ServerFrame(offer[..length]), false, 0);
        Assert.Equal(DhcpState.Selecting, client.State);
        Assert.Empty(link.Sent);
        Assert.Equal(stack.Statistics[NetCounter.DhcpReceived], stack.Statistics[NetCounter.DhcpRejected]);
        stack.ReceiveFrame(ServerFrame(offer), false, 0);
        Assert.Equal(DhcpState.Requesting, client.State);
    }

    [Fact]
    public void OptionsWithBadLengthsAreRejected()
    {
        var mac = Packets.StackMac;
        Assert.True(DhcpMessage.TryParse(Reply(DhcpMessage.Ack, 1, Offered), mac, out DhcpMessage ok));
        Assert.Equal(86400U, ok.LeaseSeconds);
        Assert.False(DhcpMessage.TryParse(Reply(DhcpMessage.Ack, 1, Offered, extraOptions: new byte[] { 1, 3, 255, 255, 255 }), mac, out _));
        Assert.False(DhcpMessage.TryParse(Reply(DhcpMessage.Ack, 1, Offered, extraOptions: new byte[] { 3, 6, 1, 2, 3, 4, 5, 6 }), mac, out _));
        Assert.False(DhcpMessage.TryParse(Reply(DhcpMessage.Ack, 1, Offered, extraOptions: new byte[] { 51, 2, 0, 0 }), mac, out _));
        // An option whose length runs past the end.
        byte[] overrun = Reply(DhcpMessage.Ack, 1, Offered);
        overrun[^1] = 12;
        Assert.False(DhcpMessage.TryParse(overrun.Concat(new byte[] { 40, 1, 2 }).ToArray(), mac, out _));
    }

    [Fact]
    public void LeaseIsRenewedWithTheServerAtT1AndRebindsAtT2()
    {
        NetStack stack = Bind(out var link, out var client, lease: 100);
        link.Take();
        Assert.Equal(50 * TestStack.Second, client.NextDeadline);
        stack.Tick(50 * TestStack.Second);
        Assert.Equal(DhcpState.Renewing, client.State);
        // Unicast to the server: resolved by ARP first (the server is not known yet).
        List<byte[]> frames = link.Take();
        Assert.Equal(Ethernet.TypeArp, Packets.EtherType(frames[0]));
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Server, Packets.StackMac, Offered)), false, 50 * TestStack.Second);
        Sent renew = ParseClientFrame(Assert.Single(link.Take()));
        Assert.Equal(Server, renew.To);
        Assert.Equal(Offered, renew.ClientAddress);
        stack.Tick(87 * TestStack.Second); // T2 is 7/8 of the lease: 87.5 s
        Assert.Equal(DhcpState.Renewing, client.State);
        link.Take();
        stack.Tick(88 * TestStack.Second);
        Assert.Equal(DhcpState.Rebinding, client.State);
        Sent rebind = ParseClientFrame(Assert.Single(link.Take()));
        Assert.Equal(IPv4Address.Broadcast, rebind.To);
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Ack, rebind.Xid, Offered, 100)), false, 90 * TestStack.Second);
        Assert.Equal(DhcpState.Bound, client.State);
        Assert.Equal(2, client.Leases);
        Assert.Equal(140 * TestStack.Second, client.NextDeadline);
    }

    [Fact]
    public void ExpiredLeaseUnconfiguresAndStartsOver()
    {
        NetStack stack = Bind(out var link, out var client, lease: 100);
        for (long t = 50; t <= 100; t++)
            stack.Tick(t * TestStack.Second);
        Assert.False(stack.IsConfigured);
        Assert.Equal(DhcpState.Selecting, client.State);
    }

    [Fact]
    public void NakSendsTheClientBackToDiscover()
    {
        var stack = TestStack.Create(out var link, configured: false);
        DhcpClient client = stack.StartDhcp(0);
        Sent discover = ParseClientFrame(Assert.Single(link.Take()));
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Offer, discover.Xid, Offered)), false, 0);
        Sent request = ParseClientFrame(Assert.Single(link.Take()));
        stack.ReceiveFrame(ServerFrame(Reply(DhcpMessage.Nak, request.Xid, default)), false, 0);
        Assert.Equal(DhcpState.Selecting, client.State);
        Assert.Equal(DhcpMessage.Discover, ParseClientFrame(Assert.Single(link.Take())).Type);
        Assert.False(stack.IsConfigured);
    }
}
