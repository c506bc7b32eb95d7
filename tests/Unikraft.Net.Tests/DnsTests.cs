using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class DnsTests
{
    private static readonly IPv4Address DnsServer = new(10, 0, 2, 3);
    private static readonly IPv4Address Answer = new(93, 184, 216, 34);

    private static NetStack Stack(out QueueLink link)
    {
        var stack = TestStack.Create(out link, configured: false);
        stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, DnsServer);
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, DnsServer, Packets.StackMac, Packets.StackIp)), false, 0);
        link.Sent.Clear();
        return stack;
    }

    // The query the resolver sent: (id, source port, question bytes).
    private static (ushort Id, ushort Port, byte[] Question) Query(byte[] frame)
    {
        Assert.True(Ipv4Header.TryParse(frame.AsSpan(14), out Ipv4Header ip, out _));
        Assert.Equal(DnsServer, ip.Destination);
        ReadOnlySpan<byte> udp = Packets.IpPayload(frame);
        Assert.Equal(53, NetworkOrder.ReadUInt16(udp.Slice(2)));
        ReadOnlySpan<byte> dns = udp.Slice(8);
        Assert.Equal(1, NetworkOrder.ReadUInt16(dns.Slice(4)));
        return (NetworkOrder.ReadUInt16(dns), NetworkOrder.ReadUInt16(udp), dns.Slice(12).ToArray());
    }

    // A response echoing question, with answers given as raw records.
    public static byte[] Response(ushort id, byte[] question, byte rcode, params byte[][] answers)
    {
        var message = new List<byte> { (byte)(id >> 8), (byte)id, 0x81, (byte)(0x80 | rcode), 0, 1, 0, (byte)answers.Length, 0, 0, 0, 0 };
        message.AddRange(question);
        foreach (byte[] a in answers)
            message.AddRange(a);
        return message.ToArray();
    }

    // A record whose name is a pointer to the question name (offset 12).
    public static byte[] Record(ushort type, IPv4Address address, uint ttl = 300, byte[]? name = null)
    {
        var record = new List<byte>(name ?? new byte[] { 0xC0, 12 });
        record.AddRange(new byte[] { (byte)(type >> 8), (byte)type, 0, 1, (byte)(ttl >> 24), (byte)(ttl >> 16), (byte)(ttl >> 8), (byte)ttl, 0, 4 });
        var b = new byte[4];
        address.Write(b);
        record.AddRange(b);
        return record.ToArray();
    }

    private static byte[] ServerFrame(byte[] dns, ushort toPort, ushort fromPort = 53, IPv4Address? from = null) =>
        Packets.UdpFrame(fromPort, toPort, dns, from ?? DnsServer);

    [Fact]
    public void ResolvesAnARecordAndCachesItForItsTtl()
    {
        NetStack stack = Stack(out var link);
        DnsLookup lookup = stack.Dns.Resolve("Example.COM", 0);
        int changed = 0;
        lookup.Changed = () => changed++;
        Assert.Equal(DnsStatus.Pending, lookup.Status);
        var (id, port, question) = Query(Assert.Single(link.Take()));
        Assert.Equal(new byte[] { 7, (byte)'E', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'C', (byte)'O', (byte)'M', 0, 0, 1, 0, 1 }, question);
        stack.ReceiveFrame(ServerFrame(Response(id, question, 0, Record(5, default), Record(1, Answer, ttl: 60)), port), false, TestStack.Second);
        Assert.Equal(DnsStatus.Resolved, lookup.Status);
        Assert.Equal(Answer, lookup.Address);
        Assert.Equal(1, changed);

        DnsLookup again = stack.Dns.Resolve("example.com.", 30 * TestStack.Second);
        Assert.Equal(DnsStatus.Resolved, again.Status);
        Assert.Empty(link.Sent);
        Assert.Equal(1UL, stack.Dns.CacheHits);
        DnsLookup later = stack.Dns.Resolve("example.com", 62 * TestStack.Second);
        Assert.Equal(DnsStatus.Pending, later.Status);
        Assert.Single(link.Sent);
    }

    [Fact]
    public void LiteralsLocalhostAndInvalidNamesCompleteAtOnce()
    {
        NetStack stack = Stack(out var link);
        Assert.Equal(new IPv4Address(1, 2, 3, 4), stack.Dns.Resolve("1.2.3.4", 0).Address);
        Assert.Equal(IPv4Address.Loopback, stack.Dns.Resolve("localhost", 0).Address);
        Assert.Equal(DnsStatus.InvalidName, stack.Dns.Resolve("a..b", 0).Status);
        Assert.Equal(DnsStatus.InvalidName, stack.Dns.Resolve(new string('a', 64) + ".com", 0).Status);
        Assert.Equal(DnsStatus.InvalidName, stack.Dns.Resolve("sp ace.com", 0).Status);
        Assert.Empty(link.Sent);
        var unconfigured = TestStack.Create(out _, configured: false);
        Assert.Equal(DnsStatus.NoServer, unconfigured.Dns.Resolve("example.com", 0).Status);
    }

    [Fact]
    public void ResponsesWithWrongIdPortSourceOrQuestionAreIgnored()
    {
        NetStack stack = Stack(out var link);
        DnsLookup lookup = stack.Dns.Resolve("example.com", 0);
        var (id, port, question) = Query(Assert.Single(link.Take()));
        byte[] good = Response(id, question, 0, Record(1, Answer));
        stack.ReceiveFrame(ServerFrame(Response((ushort)(id + 1), question, 0, Record(1, Answer)), port), false, 0);
        stack.ReceiveFrame(ServerFrame(good, port, fromPort: 5353), false, 0);
        stack.ReceiveFrame(ServerFrame(good, port, from: new IPv4Address(10, 0, 2, 9)), false, 0);
        byte[] otherQuestion = (byte[])question.Clone();
        otherQuestion[1] = (byte)'x';
        stack.ReceiveFrame(ServerFrame(Response(id, otherQuestion, 0, Record(1, Answer)), port), false, 0);
        Assert.Equal(DnsStatus.Pending, lookup.Status);
        Assert.Equal(3UL, stack.Statistics[NetCounter.DnsUnmatched]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DnsRejected]);
        stack.ReceiveFrame(ServerFrame(good, port), false, 0);
        Assert.Equal(Answer, lookup.Address);
    }

    [Fact]
    public void NxDomainAndServerFailureEndTheLookup()
    {
        NetStack stack = Stack(out var link);
        DnsLookup missing = stack.Dns.Resolve("nowhere.example", 0);
        var (id, port, question) = Query(Assert.Single(link.Take()));
        stack.ReceiveFrame(ServerFrame(Response(id, question, 3), port), false, 0);
        Assert.Equal(DnsStatus.NotFound, missing.Status);
        DnsLookup failing = stack.Dns.Resolve("broken.example", 0);
        (id, port, question) = Query(Assert.Single(link.Take()));
        stack.ReceiveFrame(ServerFrame(Response(id, question, 2), port), false, 0);
        Assert.Equal(DnsStatus.Failed, failing.Status);
    }

    [Fact]
    public void UnansweredQueriesAreRetriedThenFail()
    {
        NetStack stack = Stack(out var link);
        DnsLookup lookup = stack.Dns.Resolve("example.com", 0);
        link.Take();
        var sendTimes = new List<long>();
        for (long t = 0; t <= 10 * TestStack.Second; t += TestStack.Second / 2)
        {
            stack.Tick(t);
            if (link.Take().Count > 0)
                sendTimes.Add(t / (TestStack.Second / 2));
        }
        Assert.Equal(new long[] { 2, 6 }, sendTimes.ToArray()); // at 1 s and 3 s
        Assert.Equal(DnsStatus.Failed, lookup.Status);
        Assert.Equal(0, stack.Dns.InFlight);
        Assert.Equal(long.MaxValue, stack.Dns.NextDeadline);
    }

    [Fact]
    public void CompressionPointersAreFollowedAndLoopsRejected()
    {
        byte[] question = { 3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0, 0, 1, 0, 1 };
        // An answer named "www" + pointer to "example.com" inside the question (offset 16).
        byte[] answerName = { 3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 16 };
        byte[] ok = Response(1, question, 0, Record(1, Answer, name: answerName));
        Assert.Equal(DnsAnswer.Address, DnsMessage.ReadResponse(ok, "www.example.com", out IPv4Address address, out uint ttl));
        Assert.Equal(Answer, address);
        Assert.Equal(300U, ttl);

        int at = 12 + question.Length;
        var text = new char[255];
        Assert.True(DnsMessage.ReadName(ok, ref at, text, out int length));
        Assert.Equal("www.example.com", new string(text, 0, length));
        Assert.Equal(12 + question.Length + answerName.Length, at);

        byte[] selfLoop = Response(1, question, 0, Record(1, Answer, name: new byte[] { 0xC0, (byte)(12 + question.Length) }));
        Assert.Equal(DnsAnswer.Malformed, DnsMessage.ReadResponse(selfLoop, "www.example.com", out _, out _));
        // Two names pointing at each other.
        byte[] pair = { 1, (byte)'a', 0xC0, 4, 1, (byte)'b', 0xC0, 0 };
        at = 0;
        Assert.False(DnsMessage.ReadName(pair, ref at, new char[255], out _));
        byte[] pastEnd = Response(1, question, 0, Record(1, Answer, name: new byte[] { 0xFF, 0xFF }));
        Assert.Equal(DnsAnswer.Malformed, DnsMessage.ReadResponse(pastEnd, "www.example.com", out _, out _));
        // A name longer than 255 through a chain of pointers.
        var longChain = new List<byte>();
        for (int i = 0; i < 5; i++)
            longChain.AddRange(new byte[] { 63 }.Concat(Enumerable.Repeat((byte)'a', 63)));
        longChain.Add(0);
        at = 0;
        Assert.False(DnsMessage.ReadName(longChain.ToArray(), ref at, new char[512], out _));
    }

    [Fact]
    public void TruncatedResponsesAreMalformedAtEveryLength()
    {
        byte[] question = { 1, (byte)'a', 0, 0, 1, 0, 1 };
        byte[] full = Response(9, question, 0, Record(1, Answer));
        Assert.Equal(DnsAnswer.Address, DnsMessage.ReadResponse(full, "a", out _, out _));
        for (int length = 0; length < full.Length; length++)
        {
            DnsAnswer answer = DnsMessage.ReadResponse(full.AsSpan(0, length), "a", out _, out _);
            Assert.True(answer == DnsAnswer.Malformed, $"length {length}: {answer}");
        }
    }

    [Fact]
    public void NoFreeUdpEndpointFailsTheLookupInsteadOfThrowing()
    {
        var stack = TestStack.Create(out _, new NetStackOptions { UdpMaxEndpoints = 1 });
        stack.OpenUdp(1000);
        Assert.Equal(DnsStatus.Failed, stack.Dns.Resolve("example.com", 0).Status);
    }
}
