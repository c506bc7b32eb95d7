using System;
using Uk.NetDev;

namespace Uk.Net;

// An ARP packet for IPv4 over Ethernet (RFC 826): the only kind this stack speaks.
public struct ArpPacket
{
    public const int Length = 28;
    public const ushort OpRequest = 1;
    public const ushort OpReply = 2;

    public ushort Operation;
    public MacAddress SenderMac;
    public IPv4Address SenderIp;
    public MacAddress TargetMac;
    public IPv4Address TargetIp;

    // False for anything but a well-formed Ethernet/IPv4 request or reply.
    public static bool TryParse(ReadOnlySpan<byte> data, out ArpPacket packet)
    {
        packet = default;
        if (data.Length < Length)
            return false;
        if (NetworkOrder.ReadUInt16(data) != 1 || NetworkOrder.ReadUInt16(data.Slice(2)) != Ethernet.TypeIPv4)
            return false;
        if (data[4] != 6 || data[5] != 4)
            return false;
        packet.Operation = NetworkOrder.ReadUInt16(data.Slice(6));
        if (packet.Operation != OpRequest && packet.Operation != OpReply)
            return false;
        packet.SenderMac = MacAddress.Read(data.Slice(8));
        packet.SenderIp = IPv4Address.Read(data.Slice(14));
        packet.TargetMac = MacAddress.Read(data.Slice(18));
        packet.TargetIp = IPv4Address.Read(data.Slice(24));
        return true;
    }

    public void Write(Span<byte> data)
    {
        NetworkOrder.WriteUInt16(data, 1);
        NetworkOrder.WriteUInt16(data.Slice(2), Ethernet.TypeIPv4);
        data[4] = 6;
        data[5] = 4;
        NetworkOrder.WriteUInt16(data.Slice(6), Operation);
        SenderMac.Write(data.Slice(8));
        SenderIp.Write(data.Slice(14));
        TargetMac.Write(data.Slice(18));
        TargetIp.Write(data.Slice(24));
    }
}
