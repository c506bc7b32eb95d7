using Uk.Net;

namespace Unikraft.Net.Tests;

public class ReassemblyTests
{
    private const ushort Port = 4000;

    // A UDP datagram of size bytes split into fragments of fragmentSize payload bytes.
    private static List<byte[]> Fragments(byte[] udp, int fragmentSize, ushort id)
    {
        var frames = new List<byte[]>();
        for (int offset = 0; offset < udp.Length; offset += fragmentSize)
        {
            int length = Math.Min(fragmentSize, udp.Length - offset);
            bool more = offset + length < udp.Length;
            frames.Add(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(offset, length), id, more, offset)));
        }
        return frames;
    }

    private static byte[] Data(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        return data;
    }

    private static byte[] Receive(UdpEndpoint endpoint)
    {
        var buffer = new byte[65536];
        Assert.True(endpoint.TryReceive(buffer, out int length, out _, out _));
        return buffer[..length];
    }

    [Fact]
    public void InOrderFragmentsMakeTheDatagram()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(Port);
        byte[] data = Data(3000);
        byte[] udp = Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, data);
        List<byte[]> frames = Fragments(udp, 1480, 77);
        Assert.Equal(3, frames.Count);
        foreach (byte[] frame in frames)
            stack.ReceiveFrame(frame, false, 0);
        Assert.Equal(data, Receive(endpoint));
        Assert.Equal(1UL, stack.Statistics[NetCounter.DatagramsReassembled]);
        Assert.Equal(0, stack.Reassembler.InFlight);
    }

    [Fact]
    public void OutOfOrderAndInterleavedDatagramsReassemble()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(Port);
        byte[] a = Data(2000), b = Data(2500);
        List<byte[]> fa = Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, a), 512, 1);
        List<byte[]> fb = Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, b), 512, 2);
        fa.Reverse();
        for (int i = 0; i < Math.Max(fa.Count, fb.Count); i++)
        {
            if (i < fb.Count)
                stack.ReceiveFrame(fb[(i * 3) % fb.Count], false, 0);
            if (i < fa.Count)
                stack.ReceiveFrame(fa[i], false, 0);
        }
        var got = new List<byte[]> { Receive(endpoint), Receive(endpoint) };
        Assert.Contains(got, d => d.AsSpan().SequenceEqual(a));
        Assert.Contains(got, d => d.AsSpan().SequenceEqual(b));
    }

    [Fact]
    public void OverlappingFragmentDropsTheDatagram()
    {
        var stack = TestStack.Create(out _);
        UdpEndpoint endpoint = stack.OpenUdp(Port);
        byte[] udp = Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(1600));
        List<byte[]> frames = Fragments(udp, 800, 5);
        stack.ReceiveFrame(frames[0], false, 0);
        // Bytes 400..1199 overlap the first fragment.
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(400, 800), 5, true, 400)), false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropFragmentOverlap]);
        Assert.Equal(0, stack.Reassembler.InFlight);
        // The rest arrives as a new, incomplete datagram: nothing is delivered.
        stack.ReceiveFrame(frames[1], false, 0);
        stack.ReceiveFrame(frames[2], false, 0);
        Assert.Equal(0, endpoint.Pending);
        Assert.Equal(TestStack.Outcomes(stack.Statistics), stack.Statistics[NetCounter.FramesReceived]);
    }

    [Fact]
    public void DuplicateFragmentCountsAsOverlap()
    {
        var stack = TestStack.Create(out _);
        List<byte[]> frames = Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(1000)), 512, 5);
        stack.ReceiveFrame(frames[0], false, 0);
        stack.ReceiveFrame(frames[0], false, 0);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropFragmentOverlap]);
    }

    [Fact]
    public void InconsistentEndsDropTheDatagram()
    {
        var stack = TestStack.Create(out _);
        byte[] udp = Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(1600));
        // Two different last fragments.
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(800, 808), 9, false, 800)), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(1600, 8), 9, false, 1608)), false, 0);
        // A middle fragment past the known end.
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(0, 800), 10, false, 800)), false, 0);
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(0, 800), 10, true, 1600)), false, 0);
        // A non-final fragment whose length is no multiple of 8.
        stack.ReceiveFrame(Packets.IpFrame(Packets.Ip(Packets.PeerIp, Packets.StackIp, 17, udp.AsSpan(0, 801), 11, true, 0)), false, 0);
        Assert.Equal(3UL, stack.Statistics[NetCounter.DropFragmentInconsistent]);
        Assert.Equal(0, stack.Reassembler.InFlight);
    }

    [Fact]
    public void LimitsOnSizeFragmentCountAndSlotsHold()
    {
        var options = new NetStackOptions { ReassemblySlots = 2, ReassemblyMaxBytes = 4096, ReassemblyMaxFragments = 4 };
        var stack = TestStack.Create(out _, options);
        byte[] udp = Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(5000));
        List<byte[]> big = Fragments(udp, 1000 - 1000 % 8, 1);
        foreach (byte[] frame in big)
            stack.ReceiveFrame(frame, false, 0);
        Assert.True(stack.Statistics[NetCounter.DropFragmentTooBig] >= 1);

        List<byte[]> many = Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(3000)), 256, 2);
        foreach (byte[] frame in many)
            stack.ReceiveFrame(frame, false, 0);
        Assert.True(stack.Statistics[NetCounter.DropFragmentLimit] >= 1);

        var stack2 = TestStack.Create(out _, options);
        for (ushort id = 1; id <= 3; id++)
            stack2.ReceiveFrame(Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(2000)), 1000, id)[0], false, 0);
        Assert.Equal(2, stack2.Reassembler.InFlight);
        Assert.Equal(1UL, stack2.Statistics[NetCounter.DropFragmentNoSlot]);
    }

    [Fact]
    public void UnfinishedDatagramsTimeOut()
    {
        var options = new NetStackOptions { ReassemblyTimeout = 10 * TestStack.Second };
        var stack = TestStack.Create(out _, options);
        UdpEndpoint endpoint = stack.OpenUdp(Port);
        List<byte[]> frames = Fragments(Packets.Udp(Packets.PeerIp, Packets.StackIp, 9, Port, Data(2000)), 1000, 3);
        stack.ReceiveFrame(frames[0], false, TestStack.Second);
        Assert.Equal(11 * TestStack.Second, stack.Reassembler.NextDeadline);
        stack.Tick(11 * TestStack.Second - 1);
        Assert.Equal(1, stack.Reassembler.InFlight);
        stack.Tick(11 * TestStack.Second);
        Assert.Equal(0, stack.Reassembler.InFlight);
        Assert.Equal(1UL, stack.Statistics[NetCounter.DropFragmentTimeout]);
        stack.ReceiveFrame(frames[1], false, 12 * TestStack.Second);
        Assert.Equal(0, endpoint.Pending);
    }
}
