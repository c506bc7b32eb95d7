using System;

namespace Uk.FatFs;

internal static class LittleEndian
{
    public static ushort U16(ReadOnlySpan<byte> b, int offset) => (ushort)(b[offset] | (b[offset + 1] << 8));

    public static uint U32(ReadOnlySpan<byte> b, int offset) =>
        (uint)(b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24));

    public static void Put16(Span<byte> b, int offset, uint value)
    {
        b[offset] = (byte)value;
        b[offset + 1] = (byte)(value >> 8);
    }

    public static void Put32(Span<byte> b, int offset, uint value)
    {
        b[offset] = (byte)value;
        b[offset + 1] = (byte)(value >> 8);
        b[offset + 2] = (byte)(value >> 16);
        b[offset + 3] = (byte)(value >> 24);
    }
}
