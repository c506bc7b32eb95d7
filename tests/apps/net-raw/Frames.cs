using System;
using Uk.NetDev;

namespace NetRaw;

// Hand-built Ethernet/ARP/IPv4/UDP/ICMP frames and the few reads the scenarios need.
// Everything is bounds-checked: a short or odd frame simply does not match.
public static class Frames
{
    public const int Ethernet = 14;
    public const ushort TypeIpv4 = 0x0800;
    public const ushort TypeArp = 0x0806;
    // IEEE 802 local experimental: QEMU's user network ignores it, the blast's sink.
    public const ushort TypeExperimental = 0x88B5;

    public static readonly uint Guest = Address(10, 0, 2, 15);
    public static readonly uint Gateway = Address(10, 0, 2, 2);

    public static uint Address(int a, int b, int c, int d) => (uint)(a << 24 | b << 16 | c << 8 | d);

    public static string AddressText(uint value) =>
        (value >> 24).ToString() + "." + ((value >> 16) & 0xFF).ToString() + "." + ((value >> 8) & 0xFF).ToString() + "." + (value & 0xFF).ToString();

    public static void Put16(Span<byte> span, int at, int value)
    {
        span[at] = (byte)(value >> 8);
        span[at + 1] = (byte)value;
    }

    public static void Put32(Span<byte> span, int at, uint value)
    {
        Put16(span, at, (int)(value >> 16));
        Put16(span, at + 2, (int)value);
    }

    public static int Get16(ReadOnlySpan<byte> span, int at) => span[at] << 8 | span[at + 1];

    public static uint Get32(ReadOnlySpan<byte> span, int at) => (uint)Get16(span, at) << 16 | (uint)Get16(span, at + 2);

    public static void EthernetHeader(Span<byte> frame, MacAddress destination, MacAddress source, ushort type)
    {
        destination.Write(frame);
        source.Write(frame.Slice(6));
        Put16(frame, 12, type);
    }

    public static int Type(ReadOnlySpan<byte> frame) => frame.Length >= Ethernet ? Get16(frame, 12) : -1;

    // op 1 request, 2 reply; 28 bytes after the Ethernet header.
    public static int Arp(Span<byte> frame, MacAddress destination, MacAddress source, int op, MacAddress senderMac, uint senderIp, MacAddress targetMac, uint targetIp)
    {
        EthernetHeader(frame, destination, source, TypeArp);
        Span<byte> arp = frame.Slice(Ethernet);
        Put16(arp, 0, 1);
        Put16(arp, 2, TypeIpv4);
        arp[4] = 6;
        arp[5] = 4;
        Put16(arp, 6, op);
        senderMac.Write(arp.Slice(8));
        Put32(arp, 14, senderIp);
        targetMac.Write(arp.Slice(18));
        Put32(arp, 24, targetIp);
        return Ethernet + 28;
    }

    // An IPv4 header without options for a payload of payloadLength bytes; returns its length.
    public static int Ipv4(Span<byte> packet, byte protocol, uint source, uint destination, int payloadLength, int id)
    {
        packet[0] = 0x45;
        packet[1] = 0;
        Put16(packet, 2, 20 + payloadLength);
        Put16(packet, 4, id);
        Put16(packet, 6, 0);
        packet[8] = 64;
        packet[9] = protocol;
        Put16(packet, 10, 0);
        Put32(packet, 12, source);
        Put32(packet, 16, destination);
        Put16(packet, 10, Checksum.Fold(Checksum.Add(0, packet.Slice(0, 20))));
        return 20;
    }

    // The IPv4 payload of a frame when the header is sane, else an empty span.
    public static ReadOnlySpan<byte> Ipv4Payload(ReadOnlySpan<byte> frame, out byte protocol, out uint source, out uint destination)
    {
        protocol = 0;
        source = destination = 0;
        if (Type(frame) != TypeIpv4 || frame.Length < Ethernet + 20)
            return ReadOnlySpan<byte>.Empty;
        ReadOnlySpan<byte> ip = frame.Slice(Ethernet);
        int headerLength = (ip[0] & 0xF) * 4;
        int total = Get16(ip, 2);
        if ((ip[0] >> 4) != 4 || headerLength < 20 || total < headerLength || total > ip.Length)
            return ReadOnlySpan<byte>.Empty;
        protocol = ip[9];
        source = Get32(ip, 12);
        destination = Get32(ip, 16);
        return ip.Slice(headerLength, total - headerLength);
    }
}

// The Internet checksum (RFC 1071) for the app's own frames.
public static class Checksum
{
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length)
            sum += (uint)(data[i] << 8);
        return sum;
    }

    public static uint PseudoHeader(uint source, uint destination, byte protocol, int length) =>
        (source >> 16) + (source & 0xFFFF) + (destination >> 16) + (destination & 0xFFFF) + protocol + (uint)length;

    public static ushort Fold(uint sum)
    {
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    // Not complemented: what a checksum field holds for an offloaded (NEEDS_CSUM) transmit.
    public static ushort Partial(uint sum)
    {
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }
}
