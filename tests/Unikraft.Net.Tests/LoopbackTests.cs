using Uk.Net;

namespace Unikraft.Net.Tests;

public class LoopbackTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UdpToItselfArrivesAtTheNextTickNotDuringTheSend(bool ownAddress)
    {
        var stack = TestStack.Create(out var link);
        IPv4Address target = ownAddress ? Packets.StackIp : IPv4Address.Loopback;
        UdpEndpoint server = stack.OpenUdp(9);
        UdpEndpoint client = stack.OpenUdp(0);
        int pending = 0;
        stack.LoopbackPending = () => pending++;
        Assert.True(client.Send(target, 9, new byte[] { 1, 2 }));
        Assert.Equal(1, pending);
        Assert.Equal(0, server.Pending);
        Assert.Equal(stack.Now, stack.NextDeadline);
        stack.Tick(5);
        var buffer = new byte[8];
        Assert.True(server.TryReceive(buffer, out int length, out IPv4Address from, out ushort port));
        Assert.Equal((2, target, client.LocalPort), (length, from, port));
        Assert.Empty(link.Sent);
        Assert.True(stack.NextDeadline > stack.Now);
    }

    [Fact]
    public void LoopbackWorksBeforeConfigurationAndPingsAnswerThemselves()
    {
        var stack = TestStack.Create(out var link, configured: false);
        var replies = 0;
        stack.Icmp.EchoReply = (_, _, _) => replies++;
        Assert.True(stack.Icmp.SendEchoRequest(IPv4Address.Loopback, 1, 1, new byte[4]));
        stack.Tick(1); // the request
        stack.Tick(2); // the reply it caused
        Assert.Equal(1, replies);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void ClosedPortOnLoopbackDrawsPortUnreachable()
    {
        var stack = TestStack.Create(out _);
        stack.OpenUdp(0).Send(IPv4Address.Loopback, 4444, new byte[1]);
        stack.Tick(TestStack.Second);
        stack.Tick(TestStack.Second);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropUdpNoPort]);
        Assert.Equal(1UL, stack.Statistics[NetCounter.IcmpUnreachableReceived]);
    }

    [Fact]
    public void QueueIsBoundedAndLoopbackFromTheWireIsRefused()
    {
        var stack = TestStack.Create(out _, new NetStackOptions { LoopbackQueue = 2 });
        UdpEndpoint client = stack.OpenUdp(0);
        Assert.True(client.Send(IPv4Address.Loopback, 9, new byte[1]));
        Assert.True(client.Send(IPv4Address.Loopback, 9, new byte[1]));
        Assert.False(client.Send(IPv4Address.Loopback, 9, new byte[1]));
        Assert.Equal(1UL, stack.Statistics[NetCounter.SendLoopbackFull]);

        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(IPv4Address.Loopback, Packets.StackIp, 17, Packets.Udp(IPv4Address.Loopback, Packets.StackIp, 1, 9, new byte[1]))), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.StackIp, Packets.StackIp, 1, Packets.Icmp(8, 0, 1, 1, new byte[4]))), false, 0);
        Assert.Equal(2UL, stack.Statistics[NetCounter.DropIpBadSource]);
    }

    private sealed class Echoer(NetStack stack) : IIpProtocolHandler
    {
        public int Received;
        public long NextDeadline => long.MaxValue;
        public void Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload, bool checksumVerified, long now)
        {
            Received++;
            // A reply sent from inside Receive is queued, not delivered re-entrantly.
            if (payload[0] < 3)
                stack.SendIp(destination, source, 6, new[] { (byte)(payload[0] + 1) });
        }
        public void Tick(long now) { }
    }

    [Fact]
    public void RegisteredTransportsTalkToThemselvesOneTickPerHop()
    {
        var stack = TestStack.Create(out _);
        var echoer = new Echoer(stack);
        stack.RegisterProtocol(6, echoer);
        Assert.True(stack.SendIp(stack.LocalAddressFor(IPv4Address.Loopback), IPv4Address.Loopback, 6, new byte[] { 0 }));
        Assert.Equal(IPv4Address.Loopback, stack.LocalAddressFor(IPv4Address.Loopback));
        for (int tick = 1; tick <= 3; tick++)
        {
            stack.Tick(tick);
            Assert.Equal(tick, echoer.Received);
        }
        stack.Tick(4);
        Assert.Equal(4, echoer.Received);
        stack.Tick(5);
        Assert.Equal(4, echoer.Received);
    }
}
