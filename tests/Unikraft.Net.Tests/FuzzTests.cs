using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

// Bounded random-input properties for every parser: random bytes and mutations of valid
// packets. Nothing may throw, and through the stack every frame must end in exactly one
// outcome counter with no internal error.
public class FuzzTests
{
    private const int Inputs = 20_000;

    private static byte[] RandomBytes(Random random, int maxLength)
    {
        var data = new byte[random.Next(maxLength + 1)];
        random.NextBytes(data);
        return data;
    }

    // Flips, overwrites, truncates or extends a valid packet; start spares a prefix (headers
    // the test wants to keep valid).
    public static byte[] Mutate(Random random, byte[] valid, int start = 0)
    {
        byte[] data = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int n = random.Next(1, 5); n > 0 && data.Length > start; n--)
                    data[random.Next(start, data.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                for (int n = random.Next(1, 4); n > 0 && data.Length > start; n--)
                    data[random.Next(start, data.Length)] = (byte)random.Next(256);
                break;
            case 2:
                Array.Resize(ref data, random.Next(start, data.Length + 1));
                break;
            default:
                int extra = random.Next(1, 64);
                Array.Resize(ref data, data.Length + extra);
                random.NextBytes(data.AsSpan(data.Length - extra));
                if (data.Length > start)
                    data[random.Next(start, data.Length)] ^= 0xFF;
                break;
        }
        return data;
    }

    [Fact]
    public void ArpParser()
    {
        var random = new Random(1);
        byte[] valid = Packets.Arp(ArpPacket.OpRequest, Packets.PeerMac, Packets.PeerIp, MacAddress.Zero, Packets.StackIp);
        int accepted = 0;
        for (int i = 0; i < Inputs; i++)
            if (ArpPacket.TryParse(i % 2 == 0 ? RandomBytes(random, 40) : Mutate(random, valid), out _))
                accepted++;
        Assert.InRange(accepted, 1, Inputs - 1);
    }

    [Fact]
    public void Ipv4HeaderParser()
    {
        var random = new Random(2);
        byte[] valid = Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, new byte[12]);
        int accepted = 0;
        for (int i = 0; i < Inputs; i++)
        {
            byte[] data = i % 2 == 0 ? RandomBytes(random, 64) : Mutate(random, valid);
            if (Ipv4Header.TryParse(data, out Ipv4Header header, out _))
            {
                accepted++;
                Assert.InRange(header.HeaderLength, 20, header.TotalLength);
                Assert.True(header.TotalLength <= data.Length);
            }
        }
        Assert.InRange(accepted, 1, Inputs - 1);
    }

    [Fact]
    public void DhcpParser()
    {
        var random = new Random(3);
        byte[] valid = DhcpTests.Reply(DhcpMessage.Offer, 5, new IPv4Address(10, 0, 2, 15));
        int accepted = 0;
        for (int i = 0; i < Inputs; i++)
        {
            byte[] data = i % 4 == 0 ? RandomBytes(random, 400) : Mutate(random, valid, i % 4 == 1 ? 0 : 240);
            if (DhcpMessage.TryParse(data, Packets.StackMac, out _))
                accepted++;
        }
        Assert.InRange(accepted, 1, Inputs - 1);
    }

    [Fact]
    public void DnsParser()
    {
        var random = new Random(4);
        byte[] question = { 3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0, 0, 1, 0, 1 };
        byte[] valid = DnsTests.Response(1, question, 0, DnsTests.Record(5, default), DnsTests.Record(1, new IPv4Address(1, 2, 3, 4), name: new byte[] { 3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 16 }));
        var outcomes = new int[4];
        var text = new char[255];
        for (int i = 0; i < Inputs; i++)
        {
            byte[] data = i % 4 == 0 ? RandomBytes(random, 128) : Mutate(random, valid, i % 4 == 1 ? 0 : 12);
            outcomes[(int)DnsMessage.ReadResponse(data, "www.example.com", out _, out _)]++;
            int at = random.Next(data.Length + 1);
            DnsMessage.ReadName(data, ref at, text, out int length);
            Assert.InRange(length, 0, 255);
        }
        Assert.True(outcomes[(int)DnsAnswer.Address] > 0);
        Assert.True(outcomes[(int)DnsAnswer.Malformed] > 0);
    }

    [Fact]
    public void StackReceivePathAccountsForEveryFrame()
    {
        var random = new Random(5);
        var options = new NetStackOptions { IcmpErrorsPerSecond = 1_000_000 };
        NetStack stack = TestStack.Create(out var link, options);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        stack.RegisterProtocol(6, new NullTransport());
        byte[][] valid =
        {
            Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806, Packets.Arp(ArpPacket.OpRequest, Packets.PeerMac, Packets.PeerIp, MacAddress.Zero, Packets.StackIp)),
            Packets.UdpFrame(1000, 7, new byte[] { 1, 2, 3, 4, 5 }),
            Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(8, 0, 1, 2, new byte[16]))),
            Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, new byte[64], 9, true, 0)),
            Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, new byte[64], 9, false, 64)),
            Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 6, new byte[40])),
        };
        var buffer = new byte[2048];
        for (int i = 0; i < Inputs; i++)
        {
            byte[] frame = i % 3 == 0 ? RandomBytes(random, 200) : Mutate(random, valid[random.Next(valid.Length)], i % 3 == 1 ? 0 : 14);
            if (i % 3 == 0 && frame.Length >= 14 && random.Next(2) == 0)
            {
                // Random payloads under a header the stack will look into.
                Packets.StackMac.Write(frame);
                frame[12] = 8;
                frame[13] = (byte)(random.Next(2) == 0 ? 0 : 6);
            }
            stack.ReceiveFrame(frame, random.Next(4) == 0, 0);
            while (endpoint.TryReceive(buffer, out _, out _, out _)) { }
            link.Sent.Clear();
        }
        Assert.Equal(0UL, stack.Statistics[NetCounter.DropInternalError]);
        Assert.Equal(stack.Statistics[NetCounter.FramesReceived], TestStack.Outcomes(stack.Statistics));
        Assert.True(stack.Statistics.TotalDrops > Inputs / 2);
        Assert.True(stack.Statistics[NetCounter.UdpReceived] > 0);
        // Still healthy: a ping is answered.
        stack.ReceiveFrame(valid[2], false, 0);
        Assert.Single(link.Sent);
    }

    [Fact]
    public void DhcpClientAndDnsResolverSurviveMutatedReplies()
    {
        var random = new Random(6);
        var stack = TestStack.Create(out var link, configured: false);
        DhcpClient client = stack.StartDhcp(0);
        byte[] discover = link.Take()[0];
        uint xid = NetworkOrder.ReadUInt32(Packets.IpPayload(discover).Slice(12));
        byte[] offer = DhcpTests.Reply(DhcpMessage.Offer, xid, Packets.StackIp);
        for (int i = 0; i < Inputs / 4; i++)
        {
            byte[] dhcp = Mutate(random, offer, 240);
            stack.ReceiveFrame(Packets.Ethernet(MacAddress.Broadcast, Packets.PeerMac, 0x0800,
                Packets.Ip(Packets.PeerIp, IPv4Address.Broadcast, 17, Packets.Udp(Packets.PeerIp, IPv4Address.Broadcast, 67, 68, dhcp))), false, 0);
            if (client.State != DhcpState.Selecting)
                client.Start(0);
            link.Sent.Clear();
        }
        Assert.Equal(0UL, stack.Statistics[NetCounter.DropInternalError]);

        stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, Packets.PeerIp);
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, 0);
        long now = 0;
        int resolved = 0;
        for (int i = 0; i < Inputs / 4; i++)
        {
            // A fresh lookup whenever one completes; past the longest TTL (a day) so the cache does not answer.
            now += 100_000 * TestStack.Second;
            stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
                Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, now);
            DnsLookup lookup = stack.Dns.Resolve("www.example.com", now);
            byte[] query = Packets.IpPayload(link.Take()[^1]).ToArray();
            ushort port = NetworkOrder.ReadUInt16(query);
            byte[] question = query.AsSpan(8 + 12).ToArray();
            byte[] response = DnsTests.Response(NetworkOrder.ReadUInt16(query.AsSpan(8)), question, 0, DnsTests.Record(1, new IPv4Address(1, 2, 3, 4)));
            for (; i < Inputs / 4 && !lookup.IsDone; i++)
                stack.ReceiveFrame(Packets.UdpFrame(53, port, Mutate(random, response, 2)), false, now);
            if (lookup.Status == DnsStatus.Resolved)
                resolved++;
            stack.Dns.Cancel(lookup);
        }
        Assert.Equal(0UL, stack.Statistics[NetCounter.DropInternalError]);
        Assert.True(resolved > 0);
        Assert.True(stack.Statistics[NetCounter.DnsRejected] > 0);
    }

    private sealed class NullTransport : IIpProtocolHandler
    {
        public long NextDeadline => long.MaxValue;
        public void Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload, bool checksumVerified, long now) { }
        public void Tick(long now) { }
    }
}
