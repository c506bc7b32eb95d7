using System.Buffers.Binary;

namespace Unikraft.Boot.Tests;

// Builds the raw frames the hostile-packets test sends: Ethernet, IPv4 (with fields that can
// be spoiled on purpose), UDP and TCP with correct checksums unless told otherwise.
internal static class NetworkHostileFrames
{
    public static readonly byte[] GuestMac = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];
    public static readonly byte[] HostMac = [0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc];
    public static readonly byte[] GuestIp = [10, 0, 2, 15];
    public static readonly byte[] HostIp = [10, 0, 2, 2];

    public static byte[] Ethernet(ushort type, ReadOnlySpan<byte> payload, byte[]? destination = null)
    {
        var frame = new byte[14 + payload.Length];
        (destination ?? GuestMac).CopyTo(frame, 0);
        HostMac.CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), type);
        payload.CopyTo(frame.AsSpan(14));
        return frame;
    }

    public static byte[] ArpReply(byte[] requesterMac, byte[] requesterIp)
    {
        var arp = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(2), 0x0800);
        arp[4] = 6; arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(6), 2);
        HostMac.CopyTo(arp, 8); HostIp.CopyTo(arp, 14);
        requesterMac.CopyTo(arp, 18); requesterIp.CopyTo(arp, 24);
        return Ethernet(0x0806, arp, requesterMac);
    }

    // An IPv4 packet in an Ethernet frame; spoil lets a case damage the header after the
    // checksum was computed (or recompute nothing: spoilChecksum).
    public static byte[] Ipv4(byte protocol, ReadOnlySpan<byte> payload, ushort id = 1, ushort fragment = 0,
        Action<byte[]>? spoil = null, bool spoilChecksum = false)
    {
        var ip = new byte[20 + payload.Length];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(6), fragment);
        ip[8] = 64;
        ip[9] = protocol;
        HostIp.CopyTo(ip, 12);
        GuestIp.CopyTo(ip, 16);
        payload.CopyTo(ip.AsSpan(20));
        spoil?.Invoke(ip);
        int headerLength = Math.Min((ip[0] & 0xf) * 4, ip.Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(10), 0);
        ushort sum = Checksum(ip.AsSpan(0, headerLength), 0);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(10), spoilChecksum ? (ushort)(sum ^ 0x5a5a) : sum);
        return Ethernet(0x0800, ip);
    }

    public static byte[] Udp(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data, bool badChecksum = false, int? lengthField = null)
    {
        var udp = new byte[8 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)(lengthField ?? udp.Length));
        data.CopyTo(udp.AsSpan(8));
        ushort sum = Checksum(udp, PseudoHeader(17, udp.Length));
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), badChecksum ? (ushort)(sum ^ 0x1234) : (sum == 0 ? (ushort)0xffff : sum));
        return Ipv4(17, udp);
    }

    public const byte Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10;

    public static byte[] Tcp(ushort sourcePort, uint sequence, uint acknowledgment, byte flags, ReadOnlySpan<byte> data = default,
        ushort destinationPort = 80, bool badChecksum = false, int dataOffsetWords = 5)
    {
        var tcp = new byte[20 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(8), acknowledgment);
        tcp[12] = (byte)(dataOffsetWords << 4);
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), 65535);
        data.CopyTo(tcp.AsSpan(20));
        ushort sum = Checksum(tcp, PseudoHeader(6, tcp.Length));
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(16), badChecksum ? (ushort)(sum ^ 0x0f0f) : sum);
        return Ipv4(6, tcp);
    }

    private static uint PseudoHeader(byte protocol, int length) =>
        (uint)((HostIp[0] << 8 | HostIp[1]) + (HostIp[2] << 8 | HostIp[3]) + (GuestIp[0] << 8 | GuestIp[1]) + (GuestIp[2] << 8 | GuestIp[3]) + protocol + length);

    private static ushort Checksum(ReadOnlySpan<byte> data, uint sum)
    {
        for (int i = 0; i + 1 < data.Length; i += 2)
            sum += (uint)(data[i] << 8 | data[i + 1]);
        if ((data.Length & 1) != 0)
            sum += (uint)(data[^1] << 8);
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
