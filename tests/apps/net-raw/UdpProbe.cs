using System;
using Uk.Core;
using Uk.NetDev;

namespace NetRaw;

// Checksums against a Linux host on a tap device (QEMU's user network offers no offloads):
// a UDP datagram to a closed port of 10.0.2.2 draws an ICMP port unreachable only when its
// checksum is right, so the answer shows the device (or the driver's software fallback)
// filled it in; a deliberately wrong one must draw nothing. Listen waits for a datagram the
// host sends, whose checksum Linux leaves partial for the device to finish.
public static class UdpProbe
{
    private const long Second = Clock.NanosecondsPerSecond;
    private const int ClosedPort = 9;
    private const int SourcePort = 40000;

    public static bool Run(Link link, bool corrupt)
    {
        INetDevice device = link.Device;
        long deadline = Link.Now + 3 * Second;
        NetBuffer? datagram = link.Rent(deadline);
        if (datagram is null)
            return Scenarios.Fail("probe: no transmit buffer");
        Span<byte> frame = new Span<byte>(datagram.Data, datagram.Offset, datagram.Data.Length - datagram.Offset);
        const int PayloadLength = 32;
        int udpLength = 8 + PayloadLength;
        Frames.EthernetHeader(frame, new MacAddress(0x52_55_0A_00_02_02UL), device.Mac, Frames.TypeIpv4);
        Frames.Ipv4(frame.Slice(Frames.Ethernet), 17, Frames.Guest, Frames.Gateway, udpLength, 7);
        Span<byte> udp = frame.Slice(Frames.Ethernet + 20, udpLength);
        Frames.Put16(udp, 0, SourcePort);
        Frames.Put16(udp, 2, ClosedPort);
        Frames.Put16(udp, 4, udpLength);
        for (int i = 0; i < PayloadLength; i++)
            udp[8 + i] = (byte)(i * 3 + 1);
        uint pseudo = Checksum.PseudoHeader(Frames.Guest, Frames.Gateway, 17, udpLength);
        // The checksum is always left to the driver: the device when it offloads, else the
        // driver's software fallback. Corrupting the seed corrupts the result either way.
        Frames.Put16(udp, 6, Checksum.Partial(pseudo + (corrupt ? 0x1111u : 0)));
        datagram.ChecksumStart = Frames.Ethernet + 20;
        datagram.ChecksumOffset = 6;
        datagram.Length = Frames.Ethernet + 20 + udpLength;
        bool offloaded = (device.Offloads & NetOffloads.TransmitChecksum) != 0;
        if (!link.Send(datagram, deadline))
            return Scenarios.Fail("probe: transmit timed out");
        string how = offloaded ? "device" : "driver";
        long wait = Link.Now + (corrupt ? 1 : 3) * Second;
        while (true)
        {
            NetBuffer? reply = link.Next(wait);
            if (reply is null)
            {
                Console.WriteLine("probe" + (corrupt ? "-bad" : "") + ": checksum by " + how + ", no port unreachable");
                return corrupt;
            }
            ReadOnlySpan<byte> icmp = Frames.Ipv4Payload(reply.Span, out byte protocol, out uint source, out _);
            // Type 3 code 3, quoting our IP header and the first 8 bytes of our datagram.
            if (protocol == 1 && source == Frames.Gateway && icmp.Length >= 8 + 28 && icmp[0] == 3 && icmp[1] == 3
                && Frames.Get16(icmp, 8 + 20) == SourcePort && Frames.Get16(icmp, 8 + 22) == ClosedPort)
            {
                reply.Release();
                Console.WriteLine("probe" + (corrupt ? "-bad" : "") + ": checksum by " + how + ", port unreachable from " + Frames.AddressText(source));
                return !corrupt;
            }
            Scenarios.Other(link, reply);
        }
    }

    public static bool Listen(Link link, int port)
    {
        long deadline = Link.Now + 10 * Second;
        while (true)
        {
            NetBuffer? frame = link.Next(deadline);
            if (frame is null)
                return Scenarios.Fail("listen: nothing on udp port " + port.ToString());
            ReadOnlySpan<byte> udp = Frames.Ipv4Payload(frame.Span, out byte protocol, out uint source, out uint destination);
            if (protocol == 17 && udp.Length >= 8 && Frames.Get16(udp, 2) == port)
            {
                int length = Frames.Get16(udp, 4);
                int sum = Frames.Get16(udp, 6);
                bool valid = length >= 8 && length <= udp.Length
                    && (sum == 0 || Checksum.Fold(Checksum.Add(Checksum.PseudoHeader(source, destination, 17, length), udp.Slice(0, length))) == 0);
                bool verified = frame.ChecksumVerified;
                string text = "";
                for (int i = 8; i < length && i < 40; i++)
                    text += udp[i] >= 32 && udp[i] < 127 ? ((char)udp[i]).ToString() : ".";
                frame.Release();
                Console.WriteLine("listen: " + (length - 8).ToString() + " bytes from " + Frames.AddressText(source) + " \"" + text
                    + "\", udp checksum " + (valid ? "ok" : "bad") + ", device verified " + (verified ? "yes" : "no"));
                return valid;
            }
            Scenarios.Other(link, frame);
        }
    }
}
