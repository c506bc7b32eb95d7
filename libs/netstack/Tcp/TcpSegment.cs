using System;

namespace Uk.Net.Tcp;

// One received segment's header fields, parsed with every length checked. The payload is
// what follows the header inside the IP payload.
public ref struct TcpSegment
{
    public const int HeaderLength = 20;

    public ushort SourcePort;
    public ushort DestinationPort;
    public uint SequenceNumber;
    public uint AcknowledgmentNumber;
    public byte Flags;
    public ushort Window;
    // Maximum segment size the peer announced (SYN only); 0 when absent.
    public ushort MaxSegmentSize;
    public ReadOnlySpan<byte> Payload;

    public bool Has(byte flag) => (Flags & flag) != 0;

    // Sequence space the segment occupies: its data plus one for SYN and one for FIN.
    public uint SequenceLength => (uint)Payload.Length + (Has(TcpFlags.Syn) ? 1u : 0u) + (Has(TcpFlags.Fin) ? 1u : 0u);

    public static TcpParseResult TryParse(ReadOnlySpan<byte> segment, out TcpSegment parsed)
    {
        parsed = default;
        if (segment.Length < HeaderLength)
            return TcpParseResult.Truncated;
        int dataOffset = (segment[12] >> 4) * 4;
        if (dataOffset < HeaderLength || dataOffset > segment.Length)
            return TcpParseResult.BadDataOffset;
        parsed.SourcePort = NetworkOrder.ReadUInt16(segment);
        parsed.DestinationPort = NetworkOrder.ReadUInt16(segment.Slice(2));
        parsed.SequenceNumber = NetworkOrder.ReadUInt32(segment.Slice(4));
        parsed.AcknowledgmentNumber = NetworkOrder.ReadUInt32(segment.Slice(8));
        parsed.Flags = (byte)(segment[13] & 0x3F);
        parsed.Window = NetworkOrder.ReadUInt16(segment.Slice(14));
        parsed.Payload = segment.Slice(dataOffset);
        if (!TryReadOptions(segment.Slice(HeaderLength, dataOffset - HeaderLength), ref parsed))
            return TcpParseResult.BadOptions;
        return TcpParseResult.Ok;
    }

    // Kind 0 ends the list, 1 pads; every other option carries its length, which must fit.
    private static bool TryReadOptions(ReadOnlySpan<byte> options, ref TcpSegment parsed)
    {
        int i = 0;
        while (i < options.Length)
        {
            byte kind = options[i];
            if (kind == 0)
                return true;
            if (kind == 1)
            {
                i++;
                continue;
            }
            if (i + 1 >= options.Length)
                return false;
            int length = options[i + 1];
            if (length < 2 || i + length > options.Length)
                return false;
            if (kind == 2)
            {
                if (length != 4)
                    return false;
                parsed.MaxSegmentSize = NetworkOrder.ReadUInt16(options.Slice(i + 2));
            }
            i += length;
        }
        return true;
    }

    // Writes a header (with an MSS option when mss != 0) into destination; returns its length.
    // The checksum is left zero for the caller to fill over the whole segment.
    public static int WriteHeader(Span<byte> destination, ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window, ushort mss)
    {
        int length = mss != 0 ? HeaderLength + 4 : HeaderLength;
        NetworkOrder.WriteUInt16(destination, sourcePort);
        NetworkOrder.WriteUInt16(destination.Slice(2), destinationPort);
        NetworkOrder.WriteUInt32(destination.Slice(4), sequence);
        NetworkOrder.WriteUInt32(destination.Slice(8), acknowledgment);
        destination[12] = (byte)(length / 4 << 4);
        destination[13] = flags;
        NetworkOrder.WriteUInt16(destination.Slice(14), window);
        NetworkOrder.WriteUInt32(destination.Slice(16), 0);
        if (mss != 0)
        {
            destination[20] = 2;
            destination[21] = 4;
            NetworkOrder.WriteUInt16(destination.Slice(22), mss);
        }
        return length;
    }

    public static ushort Checksum(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> segment)
    {
        uint sum = InternetChecksum.AddPseudoHeader(0, source, destination, 6, segment.Length);
        return InternetChecksum.Finish(InternetChecksum.Add(sum, segment));
    }
}

public enum TcpParseResult
{
    Ok,
    Truncated,
    BadDataOffset,
    BadOptions,
}
