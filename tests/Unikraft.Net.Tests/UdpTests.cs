using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

public class UdpTests
{
    [Fact]
    public void DatagramsAreQueuedWithTheirSenderAndChangedFires()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        int changed = 0;
        endpoint.Changed = () => changed++;
        stack.ReceiveFrame(Packets.UdpFrame(1234, 7, new byte[] { 1, 2, 3 }), false, 0);
        stack.ReceiveFrame(Packets.UdpFrame(1235, 7, new byte[] { 4 }), false, 0);
        Assert.Equal(2, changed);
        Assert.Equal(2, endpoint.Pending);
        Assert.Equal(3, endpoint.NextLength);
        var buffer = new byte[16];
        Assert.True(endpoint.TryReceive(buffer, out int length, out IPv4Address from, out ushort port));
        Assert.Equal((3, Packets.PeerIp, (ushort)1234), (length, from, port));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.True(endpoint.TryReceive(buffer, out length, out _, out port));
        Assert.Equal((1, (ushort)1235), (length, port));
        Assert.False(endpoint.TryReceive(buffer, out _, out _, out _));
    }

    [Fact]
    public void QueueIsBoundedByBytesAndByCount()
    {
        var options = new NetStackOptions { UdpQueueBytes = 1000, UdpQueueDatagrams = 4 };
        var stack = TestStack.Create(out _, options);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        stack.ReceiveFrame(Packets.UdpFrame(1, 7, new byte[600]), false, 0);
        stack.ReceiveFrame(Packets.UdpFrame(1, 7, new byte[600]), false, 0);
        Assert.Equal(1, endpoint.Pending);
        for (int i = 0; i < 5; i++)
            stack.ReceiveFrame(Packets.UdpFrame(1, 7, new byte[10]), false, 0);
        Assert.Equal(4, endpoint.Pending);
        Assert.Equal(3UL, stack.Statistics[NetCounter.DropUdpQueueFull]);
    }

    [Fact]
    public void RingWrapsAroundWithoutCorruptingData()
    {
        var options = new NetStackOptions { UdpQueueBytes = 100, UdpQueueDatagrams = 8 };
        var stack = TestStack.Create(out _, options);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        var buffer = new byte[100];
        var random = new Random(3);
        var expected = new List<byte[]>();
        for (int round = 0; round < 200; round++)
        {
            var data = new byte[random.Next(1, 40)];
            random.NextBytes(data);
            if (expected.Count < 2)
            {
                stack.ReceiveFrame(Packets.UdpFrame(1, 7, data), false, 0);
                expected.Add(data);
            }
            else
            {
                Assert.True(endpoint.TryReceive(buffer, out int length, out _, out _));
                Assert.Equal(expected[0], buffer[..length]);
                expected.RemoveAt(0);
            }
        }
    }

    [Fact]
    public void TruncatesIntoASmallBufferButReportsTheFullLength()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        stack.ReceiveFrame(Packets.UdpFrame(1, 7, new byte[] { 1, 2, 3, 4, 5 }), false, 0);
        var small = new byte[2];
        Assert.True(endpoint.TryReceive(small, out int length, out _, out _));
        Assert.Equal(5, length);
        Assert.Equal(new byte[] { 1, 2 }, small);
    }

    [Fact]
    public void BadLengthChecksumAndTruncationAreDropped()
    {
        var stack = TestStack.Create(out var link);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        byte[] udp = Packets.Udp(Packets.PeerIp, Packets.StackIp, 1, 7, new byte[] { 1, 2, 3, 4 });
        for (int length = 0; length < 8; length++)
            stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(0, length))), false, 0);
        Assert.Equal(8UL, stack.Statistics[NetCounter.DropUdpMalformed]);
        for (int length = 8; length < udp.Length; length++)
            stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(0, length))), false, 0);
        byte[] shortLength = (byte[])udp.Clone();
        shortLength[5] = 7;
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, shortLength)), false, 0);
        Assert.Equal(5UL, stack.Statistics[NetCounter.DropUdpBadLength]);
        byte[] corrupt = (byte[])udp.Clone();
        corrupt[9] ^= 0x10;
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, corrupt)), false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropUdpBadChecksum]);
        // The device's verdict is trusted; a zero checksum means none was computed.
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, corrupt)), true, 0);
        byte[] noChecksum = Packets.Udp(Packets.PeerIp, Packets.StackIp, 1, 7, new byte[] { 9 }, checksum: false);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, noChecksum)), false, 0);
        Assert.Equal(2, endpoint.Pending);
        Assert.Empty(link.Sent);
        Assert.Equal(TestStack.Outcomes(stack.Statistics), stack.Statistics[NetCounter.FramesReceived]);
    }

    [Fact]
    public void SentDatagramsCarryAValidChecksumAndPorts()
    {
        var stack = TestStack.Create(out var link);
        UdpEndpoint endpoint = stack.OpenUdp(0);
        Assert.InRange(endpoint.LocalPort, 49152, 65535);
        Assert.True(endpoint.Send(Packets.PeerIp, 53, new byte[] { 5, 6, 7 }));
        ReadOnlySpan<byte> udp = Packets.IpPayload(Assert.Single(link.Sent));
        Assert.Equal(endpoint.LocalPort, NetworkOrder.ReadUInt16(udp));
        Assert.Equal(53, NetworkOrder.ReadUInt16(udp.Slice(2)));
        Assert.Equal(11, NetworkOrder.ReadUInt16(udp.Slice(4)));
        uint sum = InternetChecksum.AddPseudoHeader(0, Packets.StackIp, Packets.PeerIp, 17, udp.Length);
        Assert.Equal(0, InternetChecksum.Finish(InternetChecksum.Add(sum, udp)));
    }

    [Fact]
    public void PortsAreExclusiveAndFreedOnClose()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        Assert.Throws<InvalidOperationException>(() => stack.OpenUdp(7));
        Assert.False(stack.TryOpenUdp(7, out UdpEndpoint? none));
        Assert.Null(none);
        var ports = new HashSet<ushort>();
        for (int i = 0; i < 20; i++)
            Assert.True(ports.Add(stack.OpenUdp(0).LocalPort));
        endpoint.Close();
        Assert.False(endpoint.Send(Packets.PeerIp, 1, new byte[1]));
        stack.ReceiveFrame(Packets.UdpFrame(1, 7, new byte[1]), false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropUdpNoPort]);
        Assert.True(stack.TryOpenUdp(7, out UdpEndpoint? again));
        Assert.Equal(7, again!.LocalPort);
    }

    [Fact]
    public void EndpointLimitHolds()
    {
        var stack = TestStack.Create(out _, new NetStackOptions { UdpMaxEndpoints = 3 });
        for (int i = 0; i < 3; i++)
            Assert.True(stack.TryOpenUdp(0, out _));
        Assert.False(stack.TryOpenUdp(0, out _));
        Assert.Throws<InvalidOperationException>(() => stack.OpenUdp(9));
    }

    [Fact]
    public void TwoStacksTalkOverALinkIncludingArp()
    {
        var linkA = new QueueLink();
        var linkB = new QueueLink();
        var macB = new MacAddress(0x02_00_00_00_00_0BUL);
        var ipB = new IPv4Address(10, 0, 2, 16);
        var a = new NetStack(Packets.StackMac, linkA, new NetStackOptions());
        var b = new NetStack(macB, linkB, new NetStackOptions { Seed = 7 });
        a.Configure(Packets.StackIp, Packets.Mask, default, default);
        b.Configure(ipB, Packets.Mask, default, default);
        linkA.Sent.Clear(); // the gratuitous ARPs: each is news to no one
        linkB.Sent.Clear();
        UdpEndpoint server = b.OpenUdp(9);
        UdpEndpoint client = a.OpenUdp(0);
        Assert.True(client.Send(ipB, 9, new byte[] { 42 }));
        long now = 0;
        void Pump()
        {
            for (int round = 0; round < 10; round++)
            {
                foreach (byte[] f in linkA.Take())
                    b.ReceiveFrame(f, false, now);
                foreach (byte[] f in linkB.Take())
                    a.ReceiveFrame(f, false, now);
            }
        }
        Pump();
        var buffer = new byte[8];
        Assert.True(server.TryReceive(buffer, out int length, out IPv4Address from, out ushort port));
        Assert.Equal((1, Packets.StackIp, client.LocalPort), (length, from, port));
        Assert.True(server.Send(from, port, new byte[] { 43 }));
        Pump();
        Assert.True(client.TryReceive(buffer, out length, out from, out _));
        Assert.Equal(ipB, from);
        Assert.Equal(43, buffer[0]);
        Assert.Equal(0UL, a.Statistics.TotalDrops);
        Assert.Equal(0UL, b.Statistics.TotalDrops);
    }
}
