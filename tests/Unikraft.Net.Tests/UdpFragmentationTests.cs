using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

// Datagrams longer than a frame: sent as IPv4 fragments (RFC 791) and put back together by
// the receiving stack, at every size up to what IPv4 carries; one byte more is refused.
public class UdpFragmentationTests
{
    private static (NetStack A, QueueLink LinkA, NetStack B, QueueLink LinkB) TwoStacks(int reassemblyBytes)
    {
        var linkA = new QueueLink();
        var linkB = new QueueLink();
        var ipB = new IPv4Address(10, 0, 2, 16);
        var a = new NetStack(Packets.StackMac, linkA, new NetStackOptions());
        var b = new NetStack(new MacAddress(0x02_00_00_00_00_0BUL), linkB,
            new NetStackOptions { Seed = 7, ReassemblyMaxBytes = reassemblyBytes, UdpQueueBytes = 2 * reassemblyBytes });
        a.Configure(Packets.StackIp, Packets.Mask, default, default);
        b.Configure(ipB, Packets.Mask, default, default);
        linkA.Take();
        linkB.Take();
        return (a, linkA, b, linkB);
    }

    private static void Pump(NetStack a, QueueLink linkA, NetStack b, QueueLink linkB)
    {
        for (int round = 0; round < 10; round++)
        {
            foreach (byte[] f in linkA.Take())
                b.ReceiveFrame(f, false, 0);
            foreach (byte[] f in linkB.Take())
                a.ReceiveFrame(f, false, 0);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1472)]
    [InlineData(1473)]
    [InlineData(8192)]
    [InlineData(65507)]
    public void EverySizeArrivesWhole(int size)
    {
        var (a, linkA, b, linkB) = TwoStacks(65535);
        UdpEndpoint server = b.OpenUdp(9);
        UdpEndpoint client = a.OpenUdp(0);
        // Resolve the peer's MAC first, so no fragment waits in the ARP queue.
        Assert.True(client.Send(new IPv4Address(10, 0, 2, 16), 9, new byte[] { 0 }));
        Pump(a, linkA, b, linkB);
        Assert.True(server.TryReceive(new byte[1], out _, out _, out _));

        byte[] data = new byte[size];
        new Random(size).NextBytes(data);
        Assert.True(client.Send(new IPv4Address(10, 0, 2, 16), 9, data));
        List<byte[]> frames = linkA.Take();
        int expectedFragments = size <= 1472 ? 1 : (size + 8 + 1479) / 1480;
        Assert.Equal(expectedFragments, frames.Count);
        Assert.All(frames, f => Assert.True(f.Length <= 14 + 1500));
        foreach (byte[] f in frames)
            b.ReceiveFrame(f, false, 0);

        byte[] received = new byte[65536];
        Assert.True(server.TryReceive(received, out int length, out IPv4Address from, out _));
        Assert.Equal(Packets.StackIp, from);
        Assert.Equal(data, received[..length]);
        Assert.Equal(size > 1472 ? 1UL : 0UL, a.Statistics[NetCounter.DatagramsFragmented]);
        Assert.Equal(size > 1472 ? (ulong)expectedFragments : 0UL, a.Statistics[NetCounter.FragmentsSent]);
        Assert.Equal(0UL, b.Statistics.TotalDrops);
    }

    [Fact]
    public void FragmentsCarryOffsetsInEightsAndOneIdentification()
    {
        var (a, linkA, _, _) = TwoStacks(65535);
        a.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, 0);
        linkA.Take();
        Assert.True(a.OpenUdp(0).Send(Packets.PeerIp, 9, new byte[4000]));
        List<byte[]> frames = linkA.Take();
        Assert.Equal(3, frames.Count);
        var headers = frames.Select(f =>
        {
            Assert.True(Ipv4Header.TryParse(f.AsSpan(14), out Ipv4Header header, out _));
            return header;
        }).ToList();
        Assert.Equal([0, 1480, 2960], headers.Select(h => h.FragmentOffset));
        Assert.Equal([true, true, false], headers.Select(h => h.MoreFragments));
        Assert.Single(headers.Select(h => h.Identification).Distinct());
        Assert.Equal(4008 - 2960, headers[2].TotalLength - 20);
    }

    [Fact]
    public void OneByteMoreThanIPv4CarriesIsRefusedAndCounted()
    {
        var (a, linkA, _, _) = TwoStacks(65535);
        Assert.Equal(65507, UdpLayer.MaxDataLength);
        Assert.False(a.OpenUdp(0).Send(Packets.PeerIp, 9, new byte[65508]));
        Assert.Empty(linkA.Sent);
        Assert.Equal(1UL, a.Statistics[NetCounter.SendTooBig]);
    }

    // As on Linux, whose loopback carries 64 KiB frames: a datagram longer than one of the
    // queue's frames goes as fragments through it and is reassembled on the way in.
    [Theory]
    [InlineData(1473)]
    [InlineData(65507)]
    public void LoopbackCarriesDatagramsLongerThanAFrame(int size)
    {
        // The second stack is the one whose reassembly and UDP queue hold 64 KiB.
        var (_, _, b, linkB) = TwoStacks(65535);
        UdpEndpoint server = b.OpenUdp(9);
        byte[] data = new byte[size];
        new Random(size).NextBytes(data);
        Assert.True(b.OpenUdp(0).Send(IPv4Address.Loopback, 9, data));
        b.Tick(1);
        byte[] received = new byte[65536];
        Assert.True(server.TryReceive(received, out int length, out _, out _));
        Assert.Equal(data, received[..length]);
        Assert.Empty(linkB.Sent);
        Assert.Equal(1UL, b.Statistics[NetCounter.DatagramsReassembled]);
    }

    // All the fragments fit in the queue or none is queued.
    [Fact]
    public void LoopbackRefusesAFragmentedDatagramItsQueueCannotHoldWhole()
    {
        var a = TestStack.Create(out _, new NetStackOptions { LoopbackQueue = 4 });
        Assert.False(a.OpenUdp(0).Send(IPv4Address.Loopback, 9, new byte[8000]));
        Assert.Equal(1UL, a.Statistics[NetCounter.SendLoopbackFull]);
        Assert.True(a.OpenUdp(0).Send(IPv4Address.Loopback, 9, new byte[4000]));
    }
}
