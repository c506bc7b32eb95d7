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
    // RFC 7323 window scale: the shift the sender will apply to the windows it advertises
    // (clamped to 14); meaningful only when HasWindowScale.
    public bool HasWindowScale;
    public byte WindowScale;
    // RFC 2018 SACK-permitted (SYN only).
    public bool SackPermitted;
    // RFC 7323 timestamps: TSval and TSecr; meaningful only when HasTimestamps.
    public bool HasTimestamps;
    public uint TimestampValue;
    public uint TimestampEcho;
    // RFC 2018 SACK blocks: 8 bytes each (left edge, right edge), as on the wire.
    public ReadOnlySpan<byte> SackBlocks;
    public ReadOnlySpan<byte> Payload;

    // The largest shift RFC 7323 2.3 allows; a larger one is taken as 14.
    public const int MaxWindowScale = 14;

    public int SackBlockCount => SackBlocks.Length / 8;

    public uint SackLeft(int block) => NetworkOrder.ReadUInt32(SackBlocks.Slice(block * 8));

    public uint SackRight(int block) => NetworkOrder.ReadUInt32(SackBlocks.Slice(block * 8 + 4));

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

    // Kind 0 ends the list, 1 pads; every other option carries its length, which must fit,
    // and the options this layer reads must have exactly their length (a hostile length is
    // the whole segment's drop, counted as drop-tcp-bad-options). Unknown kinds are skipped.
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
            if (!TryReadOption(kind, options.Slice(i + 2, length - 2), ref parsed))
                return false;
            i += length;
        }
        return true;
    }

    private static bool TryReadOption(byte kind, ReadOnlySpan<byte> value, ref TcpSegment parsed)
    {
        switch (kind)
        {
            case TcpOptionKind.MaxSegmentSize:
                if (value.Length != 2)
                    return false;
                parsed.MaxSegmentSize = NetworkOrder.ReadUInt16(value);
                return true;
            case TcpOptionKind.WindowScale:
                if (value.Length != 1)
                    return false;
                parsed.HasWindowScale = true;
                parsed.WindowScale = (byte)Math.Min((int)value[0], MaxWindowScale);
                return true;
            case TcpOptionKind.SackPermitted:
                if (value.Length != 0)
                    return false;
                parsed.SackPermitted = true;
                return true;
            case TcpOptionKind.Sack:
                if (value.Length == 0 || value.Length % 8 != 0)
                    return false;
                parsed.SackBlocks = value;
                return true;
            case TcpOptionKind.Timestamps:
                if (value.Length != 8)
                    return false;
                parsed.HasTimestamps = true;
                parsed.TimestampValue = NetworkOrder.ReadUInt32(value);
                parsed.TimestampEcho = NetworkOrder.ReadUInt32(value.Slice(4));
                return true;
            default:
                return true;
        }
    }

    // A header whose options (optionsLength bytes, a multiple of 4) the caller already wrote
    // at destination[HeaderLength..]; returns the header's length. The checksum is left zero.
    public static int WriteHeaderAroundOptions(Span<byte> destination, ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window, int optionsLength)
    {
        int length = HeaderLength + optionsLength;
        NetworkOrder.WriteUInt16(destination, sourcePort);
        NetworkOrder.WriteUInt16(destination.Slice(2), destinationPort);
        NetworkOrder.WriteUInt32(destination.Slice(4), sequence);
        NetworkOrder.WriteUInt32(destination.Slice(8), acknowledgment);
        destination[12] = (byte)(length / 4 << 4);
        destination[13] = flags;
        NetworkOrder.WriteUInt16(destination.Slice(14), window);
        NetworkOrder.WriteUInt32(destination.Slice(16), 0);
        return length;
    }

    // Writes a header (with an MSS option when mss != 0) into destination; returns its length.
    // The checksum is left zero for the caller to fill over the whole segment.
    public static int WriteHeader(Span<byte> destination, ushort sourcePort, ushort destinationPort, uint sequence, uint acknowledgment, byte flags, ushort window, ushort mss)
    {
        if (mss == 0)
            return WriteHeaderAroundOptions(destination, sourcePort, destinationPort, sequence, acknowledgment, flags, window, 0);
        destination[20] = 2;
        destination[21] = 4;
        NetworkOrder.WriteUInt16(destination.Slice(22), mss);
        return WriteHeaderAroundOptions(destination, sourcePort, destinationPort, sequence, acknowledgment, flags, window, 4);
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
