using System;

namespace Uk.Net;

// Big-endian field access for packet headers. Span indexing bounds-checks every access, so a
// parser that forgot a length check throws instead of reading past the packet.
public static class NetworkOrder
{
    public static ushort ReadUInt16(ReadOnlySpan<byte> source) => (ushort)(source[0] << 8 | source[1]);

    public static uint ReadUInt32(ReadOnlySpan<byte> source) =>
        (uint)source[0] << 24 | (uint)source[1] << 16 | (uint)source[2] << 8 | source[3];

    public static void WriteUInt16(Span<byte> destination, ushort value)
    {
        destination[1] = (byte)value;
        destination[0] = (byte)(value >> 8);
    }

    public static void WriteUInt32(Span<byte> destination, uint value)
    {
        destination[3] = (byte)value;
        destination[2] = (byte)(value >> 8);
        destination[1] = (byte)(value >> 16);
        destination[0] = (byte)(value >> 24);
    }
}
