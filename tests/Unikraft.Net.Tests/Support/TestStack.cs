using Uk.Net;

namespace Unikraft.Net.Tests;

// A configured stack on a QueueLink that already knows the peer's MAC, plus the outcome
// accounting every test can check.
public static class TestStack
{
    public const long Second = NetStackOptions.Second;

    public static NetStack Create(out QueueLink link, NetStackOptions? options = null, bool configured = true, bool knowPeer = true, int mtu = 1500)
    {
        link = new QueueLink(mtu);
        var stack = new NetStack(Packets.StackMac, link, options ?? new NetStackOptions());
        if (configured)
        {
            stack.Configure(Packets.StackIp, Packets.Mask, Packets.PeerIp, Packets.PeerIp);
            if (knowPeer)
                stack.ReceiveFrame(Packets.Ethernet(Packets.StackMac, Packets.PeerMac, 0x0806,
                    Packets.Arp(ArpPacket.OpReply, Packets.PeerMac, Packets.PeerIp, Packets.StackMac, Packets.StackIp)), false, 0);
            link.Sent.Clear();
        }
        return stack;
    }

    // Every received frame ends in exactly one outcome counter.
    public static ulong Outcomes(NetStatistics s)
    {
        ulong sum = s[NetCounter.ArpReceived] + s[NetCounter.FragmentsQueued] + s[NetCounter.IcmpReceived]
            + s[NetCounter.UdpReceived] + s[NetCounter.IpDelivered];
        foreach (NetCounter counter in Enum.GetValues<NetCounter>())
            if (NetStatistics.NameOf(counter).StartsWith("drop-", StringComparison.Ordinal) && counter != NetCounter.DropFragmentTimeout)
                sum += s[counter];
        return sum;
    }
}
