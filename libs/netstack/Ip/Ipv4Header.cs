using System;

namespace Uk.Net;

// The fields of an IPv4 header this host acts on, parsed with every length checked.
public struct Ipv4Header
{
    public const int MinLength = 20;

    // The most a datagram carries after a 20-byte header: the 16-bit total length's limit.
    public const int MaxPayload = 65535 - MinLength;
    public const byte ProtocolIcmp = 1;
    public const byte ProtocolTcp = 6;
    public const byte ProtocolUdp = 17;

    public int HeaderLength;
    public int TotalLength;
    public ushort Identification;
    public bool MoreFragments;
    public int FragmentOffset;   // bytes
    public byte Ttl;
    public byte Protocol;
    public IPv4Address Source;
    public IPv4Address Destination;

    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    // Checks version, header length, total length against the data, the header checksum and
    // TTL; on false, drop names the counter to increment. Bytes past TotalLength (Ethernet
    // padding) are ignored by the caller.
    public static bool TryParse(ReadOnlySpan<byte> data, out Ipv4Header header, out NetCounter drop)
    {
        header = default;
        drop = NetCounter.DropIpShort;
        if (data.Length < MinLength)
            return false;
        if ((data[0] >> 4) != 4)
        {
            drop = NetCounter.DropIpBadVersion;
            return false;
        }
        int headerLength = (data[0] & 0xF) * 4;
        if (headerLength < MinLength || headerLength > data.Length)
        {
            drop = NetCounter.DropIpBadHeaderLength;
            return false;
        }
        int totalLength = NetworkOrder.ReadUInt16(data.Slice(2));
        if (totalLength < headerLength || totalLength > data.Length)
        {
            drop = NetCounter.DropIpBadLength;
            return false;
        }
        if (!InternetChecksum.IsValid(data.Slice(0, headerLength)))
        {
            drop = NetCounter.DropIpBadChecksum;
            return false;
        }
        if (data[8] == 0)
        {
            drop = NetCounter.DropIpBadTtl;
            return false;
        }
        ushort flags = NetworkOrder.ReadUInt16(data.Slice(6));
        header.HeaderLength = headerLength;
        header.TotalLength = totalLength;
        header.Identification = NetworkOrder.ReadUInt16(data.Slice(4));
        header.MoreFragments = (flags & 0x2000) != 0;
        header.FragmentOffset = (flags & 0x1FFF) * 8;
        header.Ttl = data[8];
        header.Protocol = data[9];
        header.Source = IPv4Address.Read(data.Slice(12));
        header.Destination = IPv4Address.Read(data.Slice(16));
        return true;
    }

    // A 20-byte header with Don't Fragment set and its checksum.
    public static void Write(Span<byte> data, int payloadLength, ushort identification, byte ttl, byte protocol, IPv4Address source, IPv4Address destination) =>
        Write(data, payloadLength, identification, ttl, protocol, source, destination, 0x4000);

    // The header of one fragment: payloadLength bytes at offset (a multiple of 8) of the
    // datagram's payload, More Fragments set on all but the last.
    public static void WriteFragment(Span<byte> data, int payloadLength, ushort identification, byte ttl, byte protocol,
        IPv4Address source, IPv4Address destination, int offset, bool moreFragments) =>
        Write(data, payloadLength, identification, ttl, protocol, source, destination, (ushort)((moreFragments ? 0x2000 : 0) | offset / 8));

    private static void Write(Span<byte> data, int payloadLength, ushort identification, byte ttl, byte protocol, IPv4Address source, IPv4Address destination, ushort flagsAndOffset)
    {
        data[0] = 0x45;
        data[1] = 0;
        NetworkOrder.WriteUInt16(data.Slice(2), (ushort)(MinLength + payloadLength));
        NetworkOrder.WriteUInt16(data.Slice(4), identification);
        NetworkOrder.WriteUInt16(data.Slice(6), flagsAndOffset);
        data[8] = ttl;
        data[9] = protocol;
        data[10] = 0;
        data[11] = 0;
        source.Write(data.Slice(12));
        destination.Write(data.Slice(16));
        NetworkOrder.WriteUInt16(data.Slice(10), InternetChecksum.Compute(data.Slice(0, MinLength)));
    }
}
