using Uk.Net;

namespace Unikraft.Net.Tests;

public class FootprintTests
{
    // What a stack with default options allocates up front, and that traffic allocates
    // nothing more once every lazily made buffer exists.
    [Fact]
    public void DefaultStackIsSmallAndTrafficDoesNotAllocate()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var link = new QueueLink();
        var stack = new NetStack(Packets.StackMac, link, new NetStackOptions());
        stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, default);
        long built = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(built, 1, 64 * 1024);

        var quiet = new NullLink();
        stack = new NetStack(Packets.StackMac, quiet, new NetStackOptions());
        stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, default);
        stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
            Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, 0);
        UdpEndpoint endpoint = stack.OpenUdp(7);
        byte[] frame = Packets.UdpFrame(1, 7, new byte[1400]);
        byte[] ping = Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 1, Packets.Icmp(8, 0, 1, 1, new byte[56])));
        var buffer = new byte[2048];
        void Traffic()
        {
            for (int i = 0; i < 1000; i++)
            {
                stack.ReceiveFrame(frame, false, 0);
                endpoint.TryReceive(buffer, out _, out _, out _);
                endpoint.Send(Packets.PeerIp, 1, new ReadOnlySpan<byte>(buffer, 0, 1400));
                stack.ReceiveFrame(ping, false, 0);
                endpoint.Send(IPv4Address.Loopback, 7, new ReadOnlySpan<byte>(buffer, 0, 100));
                stack.Tick(0);
                endpoint.TryReceive(buffer, out _, out _, out _);
            }
        }
        Traffic(); // makes the lazily allocated buffers
        before = GC.GetAllocatedBytesForCurrentThread();
        Traffic();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0UL, stack.Statistics.TotalDrops);
    }

    private sealed class NullLink : INetworkLink
    {
        public int Mtu => 1500;

        public void SendFrame(ReadOnlySpan<byte> frame)
        {
        }
    }
}
