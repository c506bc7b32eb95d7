using System;

namespace Uk.Drivers.Acpi;

// Firmware tables are little-endian and their fields unaligned.
internal static class LittleEndian
{
    public static ushort U16(ReadOnlySpan<byte> bytes, int offset) =>
        (ushort)(bytes[offset] | bytes[offset + 1] << 8);

    public static uint U32(ReadOnlySpan<byte> bytes, int offset) =>
        (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);

    public static ulong U64(ReadOnlySpan<byte> bytes, int offset) =>
        U32(bytes, offset) | (ulong)U32(bytes, offset + 4) << 32;
}
