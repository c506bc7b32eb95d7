using Uk.Net;
using Uk.NetDev;

namespace Unikraft.Net.Tests;

// Builds frames the way a peer on the wire would, independent of the stack's send path
// (checksums by the shared InternetChecksum, fields written by hand).
public static class Packets
{
    public static readonly MacAddress StackMac = new(0x52_54_00_12_34_56UL);
    public static readonly MacAddress PeerMac = new(0x52_54_00_AB_CD_EFUL);
    public static readonly IPv4Address StackIp = new(10, 0, 2, 15);
    public static readonly IPv4Address PeerIp = new(10, 0, 2, 2);
    public static readonly IPv4Address Mask = new(255, 255, 255, 0);
    public static readonly IPv4Address RemoteIp = new(93, 184, 216, 34);

    public static byte[] Ethernet(MacAddress destination, MacAddress source, ushort type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[14 + payload.Length];
        destination.Write(frame);
        source.Write(frame.AsSpan(6));
        frame[12] = (byte)(type >> 8);
        frame[13] = (byte)type;
        payload.CopyTo(frame.AsSpan(14));
        return frame;
    }

    public static byte[] Arp(ushort operation, MacAddress senderMac, IPv4Address senderIp, MacAddress targetMac, IPv4Address targetIp)
    {
        var packet = new ArpPacket { Operation = operation, SenderMac = senderMac, SenderIp = senderIp, TargetMac = targetMac, TargetIp = targetIp };
        var data = new byte[ArpPacket.Length];
        packet.Write(data);
        return data;
    }

    public static byte[] Ip(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload,
        ushort id = 1, bool moreFragments = false, int fragmentOffset = 0, byte ttl = 64, int headerLength = 20)
    {
        var data = new byte[headerLength + payload.Length];
        data[0] = (byte)(0x40 | headerLength / 4);
        NetworkOrder.WriteUInt16(data.AsSpan(2), (ushort)data.Length);
        NetworkOrder.WriteUInt16(data.AsSpan(4), id);
        NetworkOrder.WriteUInt16(data.AsSpan(6), (ushort)((moreFragments ? 0x2000 : 0) | fragmentOffset / 8));
        data[8] = ttl;
        data[9] = protocol;
        source.Write(data.AsSpan(12));
        destination.Write(data.AsSpan(16));
        NetworkOrder.WriteUInt16(data.AsSpan(10), InternetChecksum.Compute(data.AsSpan(0, headerLength)));
        payload.CopyTo(data.AsSpan(headerLength));
        return data;
    }

    public static byte[] Udp(IPv4Address source, IPv4Address destination, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data, bool checksum = true)
    {
        var datagram = new byte[8 + data.Length];
        NetworkOrder.WriteUInt16(datagram, sourcePort);
        NetworkOrder.WriteUInt16(datagram.AsSpan(2), destinationPort);
        NetworkOrder.WriteUInt16(datagram.AsSpan(4), (ushort)datagram.Length);
        data.CopyTo(datagram.AsSpan(8));
        if (checksum)
        {
            uint sum = InternetChecksum.AddPseudoHeader(0, source, destination, 17, datagram.Length);
            ushort value = InternetChecksum.Finish(InternetChecksum.Add(sum, datagram));
            NetworkOrder.WriteUInt16(datagram.AsSpan(6), value == 0 ? (ushort)0xFFFF : value);
        }
        return datagram;
    }

    public static byte[] Icmp(byte type, byte code, ushort id, ushort sequence, ReadOnlySpan<byte> data)
    {
        var message = new byte[8 + data.Length];
        message[0] = type;
        message[1] = code;
        NetworkOrder.WriteUInt16(message.AsSpan(4), id);
        NetworkOrder.WriteUInt16(message.AsSpan(6), sequence);
        data.CopyTo(message.AsSpan(8));
        NetworkOrder.WriteUInt16(message.AsSpan(2), InternetChecksum.Compute(message));
        return message;
    }

    // A UDP datagram from the peer to the stack, in a whole Ethernet frame.
    public static byte[] UdpFrame(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data, IPv4Address? source = null) =>
        Ethernet(StackMac, PeerMac, 0x0800, Ip(source ?? PeerIp, StackIp, 17, Udp(source ?? PeerIp, StackIp, sourcePort, destinationPort, data)));

    public static byte[] IpFrame(byte[] ip) => Ethernet(StackMac, PeerMac, 0x0800, ip);

    public static ushort EtherType(byte[] frame) => (ushort)(frame[12] << 8 | frame[13]);

    public static ReadOnlySpan<byte> IpPayload(byte[] frame) => frame.AsSpan(14 + (frame[14] & 0xF) * 4);
}
