using System;

namespace Uk.Drivers.VirtioNet;

// The virtio_net_hdr (little-endian): flags, gso_type, hdr_len, gso_size, csum_start,
// csum_offset, then num_buffers when the header is 12 bytes long.
public struct VirtioNetHeader
{
    public const int LegacyLength = 10;
    public const int LengthWithBufferCount = 12;

    // The device must finish the checksum from ChecksumStart (tx), or the frame carries a
    // partial checksum the driver must finish (rx from another guest or the host).
    public const byte FlagNeedsChecksum = 1;
    // Receive: the device verified the transport checksum.
    public const byte FlagDataValid = 2;
    public const byte GsoNone = 0;

    public byte Flags;
    public byte GsoType;
    public ushort ChecksumStart;
    public ushort ChecksumOffset;
    public ushort BufferCount;

    // Writes the header for a frame to transmit; length is 10 or 12. A checksum request
    // asks the device to fill in the transport checksum.
    public static void WriteTransmit(Span<byte> destination, int length, int checksumStart, int checksumOffset)
    {
        destination.Slice(0, length).Clear();
        if (checksumStart >= 0)
        {
            destination[0] = FlagNeedsChecksum;
            WriteUInt16(destination.Slice(6), (ushort)checksumStart);
            WriteUInt16(destination.Slice(8), (ushort)checksumOffset);
        }
    }

    // False when source is shorter than the header. BufferCount is 1 for a 10-byte header.
    public static bool TryRead(ReadOnlySpan<byte> source, int length, out VirtioNetHeader header)
    {
        header = default;
        if (source.Length < length || length < LegacyLength)
            return false;
        header.Flags = source[0];
        header.GsoType = source[1];
        header.ChecksumStart = ReadUInt16(source.Slice(6));
        header.ChecksumOffset = ReadUInt16(source.Slice(8));
        header.BufferCount = length >= LengthWithBufferCount ? ReadUInt16(source.Slice(10)) : (ushort)1;
        return true;
    }

    public bool NeedsChecksum => (Flags & FlagNeedsChecksum) != 0;

    public bool DataValid => (Flags & FlagDataValid) != 0;

    private static void WriteUInt16(Span<byte> destination, ushort value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> source) => (ushort)(source[0] | source[1] << 8);
}
