using System;
using Uk.Core;
using Uk.NetDev;

namespace NetRaw;

// The steps in order; each prints one line the boot test reads. Exit code: 0 when every
// step saw what it should, else the first failing step's number.
public static class Scenarios
{
    private const long Second = Clock.NanosecondsPerSecond;
    private static readonly MacAddress Gateway = new MacAddress(0x52_55_0A_00_02_02UL);

    public static int Run(int pings, int size, int window, int blast, bool dhcp, bool probe, bool probeBad, int listen, int sink)
    {
        INetDevice? device = NetDevices.First;
        if (device is null)
        {
            Console.WriteLine("net-raw: no network device");
            return 10;
        }
        var link = new Link(device);
        Console.WriteLine("net-raw: " + device.Name + " mac " + device.Mac.ToString() + " mtu " + device.Mtu.ToString()
            + " link " + (device.LinkUp ? "up" : "down") + " offloads " + Describe(device.Offloads)
            + " devices " + NetDevices.Count.ToString());

        int result = 0;
        if (!ResolveGateway(link))
            result = 1;
        if (result == 0 && dhcp && !Dhcp(link))
            result = 2;
        if (result == 0 && probe && !UdpProbe.Run(link, corrupt: false))
            result = 5;
        if (result == 0 && probeBad && !UdpProbe.Run(link, corrupt: true))
            result = 6;
        if (result == 0 && listen > 0 && !UdpProbe.Listen(link, listen))
            result = 7;
        if (result == 0 && sink > 0 && !Sink.Run(link, sink))
            result = 8;
        if (result == 0 && pings > 0 && !PingFlood(link, pings, size, window))
            result = 3;
        if (result == 0 && blast > 0 && !Blast(link, blast))
            result = 4;
        NetDeviceStatistics s = device.Statistics;
        Console.WriteLine("stats: rx " + s.FramesReceived.ToString() + " frames " + s.BytesReceived.ToString() + " bytes, rx errors "
            + s.ReceiveErrors.ToString() + ", rx dropped " + s.ReceiveDropped.ToString() + ", tx " + s.FramesTransmitted.ToString()
            + " frames " + s.BytesTransmitted.ToString() + " bytes, tx busy " + s.TransmitBusy.ToString() + ", tx errors "
            + s.TransmitErrors.ToString() + ", notifications " + link.Notifications.ToString() + ", ignored " + link.Ignored.ToString());
        if (device is Uk.Drivers.VirtioNet.VirtioNetDevice virtio)
            Console.WriteLine("virtio-net: merged frames " + virtio.MergedFrames.ToString() + ", interrupts " + virtio.InterruptCount.ToString()
                + ", rx checksums completed " + virtio.ChecksumsCompleted.ToString() + ", rejected completions " + virtio.RejectedCompletions.ToString());
        return result;
    }

    private static string Describe(NetOffloads offloads)
    {
        string text = "";
        if ((offloads & NetOffloads.TransmitChecksum) != 0)
            text += " tx-csum";
        if ((offloads & NetOffloads.ReceiveChecksum) != 0)
            text += " rx-csum";
        if ((offloads & NetOffloads.MergeableReceiveBuffers) != 0)
            text += " mrg-rxbuf";
        return text.Length == 0 ? "none" : text.Substring(1);
    }

    private static bool ResolveGateway(Link link)
    {
        INetDevice device = link.Device;
        long deadline = Link.Now + 5 * Second;
        NetBuffer? request = link.Rent(deadline);
        if (request is null)
            return Fail("arp: no transmit buffer");
        request.Length = Frames.Arp(new Span<byte>(request.Data, request.Offset, request.Data.Length - request.Offset),
            MacAddress.Broadcast, device.Mac, 1, device.Mac, Frames.Guest, MacAddress.Zero, Frames.Gateway);
        if (!link.Send(request, deadline))
            return Fail("arp: transmit timed out");
        while (true)
        {
            NetBuffer? frame = link.Next(deadline);
            if (frame is null)
                return Fail("arp: no reply from " + Frames.AddressText(Frames.Gateway));
            ReadOnlySpan<byte> span = frame.Span;
            if (IsArp(span, 2, out MacAddress senderMac, out uint senderIp, out _) && senderIp == Frames.Gateway)
            {
                frame.Release();
                Console.WriteLine("arp: " + Frames.AddressText(senderIp) + " is at " + senderMac.ToString());
                return true;
            }
            Other(link, frame);
        }
    }

    // DHCP DISCOVER from 0.0.0.0:68 to 255.255.255.255:67; QEMU's user network offers 10.0.2.15.
    private static bool Dhcp(Link link)
    {
        INetDevice device = link.Device;
        long deadline = Link.Now + 5 * Second;
        NetBuffer? discover = link.Rent(deadline);
        if (discover is null)
            return Fail("dhcp: no transmit buffer");
        const uint Transaction = 0x5EED1234;
        Span<byte> frame = new Span<byte>(discover.Data, discover.Offset, discover.Data.Length - discover.Offset);
        frame.Slice(0, 342).Clear();
        Frames.EthernetHeader(frame, MacAddress.Broadcast, device.Mac, Frames.TypeIpv4);
        Span<byte> udp = frame.Slice(Frames.Ethernet + 20);
        Span<byte> bootp = udp.Slice(8);
        bootp[0] = 1;
        bootp[1] = 1;
        bootp[2] = 6;
        Frames.Put32(bootp, 4, Transaction);
        Frames.Put16(bootp, 10, 0x8000);
        device.Mac.Write(bootp.Slice(28));
        Frames.Put32(bootp, 236, 0x63825363);
        int o = 240;
        bootp[o++] = 53; bootp[o++] = 1; bootp[o++] = 1;
        bootp[o++] = 55; bootp[o++] = 3; bootp[o++] = 1; bootp[o++] = 3; bootp[o++] = 6;
        bootp[o++] = 255;
        int udpLength = 8 + 300;
        Frames.Ipv4(frame.Slice(Frames.Ethernet), 17, 0, 0xFFFFFFFF, udpLength, 1);
        Frames.Put16(udp, 0, 68);
        Frames.Put16(udp, 2, 67);
        Frames.Put16(udp, 4, udpLength);
        uint pseudo = Checksum.PseudoHeader(0, 0xFFFFFFFF, 17, udpLength);
        bool offloaded = (device.Offloads & NetOffloads.TransmitChecksum) != 0;
        // Left to the driver: the device fills it in, or the driver's software fallback does.
        // QEMU's user network drops a UDP datagram whose checksum is wrong.
        Frames.Put16(udp, 6, Checksum.Partial(pseudo));
        discover.ChecksumStart = Frames.Ethernet + 20;
        discover.ChecksumOffset = 6;
        discover.Length = Frames.Ethernet + 20 + udpLength;
        if (!link.Send(discover, deadline))
            return Fail("dhcp: transmit timed out");
        while (true)
        {
            NetBuffer? reply = link.Next(deadline);
            if (reply is null)
                return Fail("dhcp: no offer (checksum " + (offloaded ? "by device" : "by driver") + ")");
            ReadOnlySpan<byte> payload = Frames.Ipv4Payload(reply.Span, out byte protocol, out uint source, out uint destination);
            if (protocol == 17 && payload.Length >= 8 + 240 && Frames.Get16(payload, 2) == 68
                && Frames.Get32(payload, 8 + 4) == Transaction && payload[8] == 2 && MessageType(payload.Slice(8)) == 2)
            {
                uint offered = Frames.Get32(payload, 8 + 16);
                int udpSum = Frames.Get16(payload, 6);
                int length = Frames.Get16(payload, 4);
                bool sumOk = udpSum == 0 || length <= payload.Length
                    && Checksum.Fold(Checksum.Add(Checksum.PseudoHeader(source, destination, 17, length), payload.Slice(0, length))) == 0;
                bool verified = reply.ChecksumVerified;
                reply.Release();
                Console.WriteLine("dhcp: offer " + Frames.AddressText(offered) + " from " + Frames.AddressText(source)
                    + ", checksum " + (offloaded ? "by device" : "by driver") + ", offer udp checksum " + (sumOk ? "ok" : "bad")
                    + ", device verified " + (verified ? "yes" : "no"));
                return sumOk;
            }
            Other(link, reply);
        }
    }

    private static int MessageType(ReadOnlySpan<byte> bootp)
    {
        int at = 240;
        while (at < bootp.Length)
        {
            byte code = bootp[at];
            if (code == 255)
                return -1;
            if (code == 0)
            {
                at++;
                continue;
            }
            if (at + 1 >= bootp.Length || at + 2 + bootp[at + 1] > bootp.Length)
                return -1;
            if (code == 53 && bootp[at + 1] == 1)
                return bootp[at + 2];
            at += 2 + bootp[at + 1];
        }
        return -1;
    }

    // ICMP echo requests to 10.0.2.2 (QEMU answers them itself), window of them in flight;
    // every reply's payload is checked against the pattern of its sequence number.
    private static bool PingFlood(Link link, int count, int size, int window)
    {
        INetDevice device = link.Device;
        const int Identifier = 0x4E52;
        var seen = new bool[count];
        int sent = 0, replies = 0, bad = 0, duplicates = 0;
        long start = Link.Now;
        long quiet = start + 5 * Second;
        while (replies + bad < count)
        {
            while (sent < count && sent - replies - bad < window)
            {
                NetBuffer? request = link.Rent(Link.Now + 5 * Second);
                if (request is null)
                    return Fail("ping: no transmit buffer after " + sent.ToString());
                request.Length = EchoRequest(new Span<byte>(request.Data, request.Offset, request.Data.Length - request.Offset),
                    device.Mac, Identifier, sent, size);
                if (!link.Send(request, Link.Now + 5 * Second))
                    return Fail("ping: transmit timed out after " + sent.ToString());
                sent++;
            }
            NetBuffer? frame = link.Next(quiet);
            if (frame is null)
                break;
            quiet = Link.Now + 2 * Second;
            ReadOnlySpan<byte> payload = Frames.Ipv4Payload(frame.Span, out byte protocol, out uint source, out _);
            if (protocol == 1 && source == Frames.Gateway && payload.Length >= 8 && payload[0] == 0 && Frames.Get16(payload, 4) == Identifier)
            {
                int sequence = Frames.Get16(payload, 6);
                if (sequence >= count || seen[sequence])
                    duplicates++;
                else
                {
                    seen[sequence] = true;
                    if (Checksum.Fold(Checksum.Add(0, payload)) == 0 && payload.Length == 8 + size && PatternMatches(payload.Slice(8), sequence))
                        replies++;
                    else
                        bad++;
                }
                frame.Release();
            }
            else
                Other(link, frame);
        }
        long elapsed = Link.Now - start;
        long perSecond = elapsed > 0 ? (long)replies * Second / elapsed : 0;
        Console.WriteLine("ping: sent " + sent.ToString() + ", replies " + replies.ToString() + ", bad " + bad.ToString()
            + ", duplicates " + duplicates.ToString() + ", payload " + size.ToString() + " bytes, "
            + (elapsed / Clock.NanosecondsPerMillisecond).ToString() + " ms, " + perSecond.ToString() + " replies/s");
        return replies == count && bad == 0 && duplicates == 0;
    }

    private static int EchoRequest(Span<byte> frame, MacAddress mac, int identifier, int sequence, int size)
    {
        Frames.EthernetHeader(frame, Gateway, mac, Frames.TypeIpv4);
        Span<byte> icmp = frame.Slice(Frames.Ethernet + 20);
        icmp[0] = 8;
        icmp[1] = 0;
        Frames.Put16(icmp, 2, 0);
        Frames.Put16(icmp, 4, identifier);
        Frames.Put16(icmp, 6, sequence);
        for (int i = 0; i < size; i++)
            icmp[8 + i] = Pattern(sequence, i);
        Frames.Put16(icmp, 2, Checksum.Fold(Checksum.Add(0, icmp.Slice(0, 8 + size))));
        Frames.Ipv4(frame.Slice(Frames.Ethernet), 1, Frames.Guest, Frames.Gateway, 8 + size, sequence);
        return Frames.Ethernet + 20 + 8 + size;
    }

    private static byte Pattern(int sequence, int index) => (byte)(sequence * 7 + index * 13 + (index >> 8));

    private static bool PatternMatches(ReadOnlySpan<byte> data, int sequence)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != Pattern(sequence, i))
                return false;
        }
        return true;
    }

    // Minimum-size frames of an ethertype nobody handles, as fast as the ring takes them.
    private static bool Blast(Link link, int count)
    {
        INetDevice device = link.Device;
        ulong busyBefore = device.Statistics.TransmitBusy;
        long start = Link.Now;
        for (int i = 0; i < count; i++)
        {
            NetBuffer? frame = link.Rent(Link.Now + 5 * Second);
            if (frame is null)
                return Fail("blast: no transmit buffer after " + i.ToString());
            Span<byte> span = new Span<byte>(frame.Data, frame.Offset, 60);
            span.Clear();
            Frames.EthernetHeader(span, Gateway, device.Mac, Frames.TypeExperimental);
            Frames.Put32(span, 14, (uint)i);
            frame.Length = 60;
            if (!link.Send(frame, Link.Now + 5 * Second))
                return Fail("blast: transmit timed out after " + i.ToString());
        }
        long elapsed = Link.Now - start;
        long perSecond = elapsed > 0 ? (long)count * Second / elapsed : 0;
        Console.WriteLine("blast: sent " + count.ToString() + " frames of 60 bytes in " + (elapsed / Clock.NanosecondsPerMillisecond).ToString()
            + " ms, " + perSecond.ToString() + " frames/s, ring full " + (device.Statistics.TransmitBusy - busyBefore).ToString() + " times");
        return true;
    }

    public static bool IsArp(ReadOnlySpan<byte> frame, int op, out MacAddress senderMac, out uint senderIp, out uint targetIp)
    {
        senderMac = default;
        senderIp = targetIp = 0;
        if (Frames.Type(frame) != Frames.TypeArp || frame.Length < Frames.Ethernet + 28)
            return false;
        ReadOnlySpan<byte> arp = frame.Slice(Frames.Ethernet);
        if (Frames.Get16(arp, 0) != 1 || Frames.Get16(arp, 2) != Frames.TypeIpv4 || arp[4] != 6 || arp[5] != 4 || Frames.Get16(arp, 6) != op)
            return false;
        senderMac = MacAddress.Read(arp.Slice(8));
        senderIp = Frames.Get32(arp, 14);
        targetIp = Frames.Get32(arp, 24);
        return true;
    }

    // A frame the current step did not wait for: ARP requests for our address are answered
    // (QEMU asks before it delivers to an address it has not seen), the rest is counted.
    public static void Other(Link link, NetBuffer frame)
    {
        INetDevice device = link.Device;
        bool asked = IsArp(frame.Span, 1, out MacAddress askerMac, out uint askerIp, out uint wanted) && wanted == Frames.Guest;
        frame.Release();
        link.Ignored++;
        if (!asked)
            return;
        NetBuffer? reply = device.TransmitPool.Rent();
        if (reply is null)
            return;
        reply.Length = Frames.Arp(new Span<byte>(reply.Data, reply.Offset, reply.Data.Length - reply.Offset),
            askerMac, device.Mac, 2, device.Mac, Frames.Guest, askerMac, askerIp);
        if (!device.Transmit(reply))
            reply.Release();
    }

    public static bool Fail(string message)
    {
        Console.WriteLine(message);
        return false;
    }
}
