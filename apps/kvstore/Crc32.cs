using System;

namespace KvStore;

// CRC-32 (IEEE 802.3, the zlib one): a torn or scribbled record fails it.
internal static class Crc32
{
    private static uint[]? s_table;

    public const uint Start = 0xFFFFFFFF;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    // Continues a CRC over more bytes: Finish(Update(Update(Start, a), b)) is the CRC of a then b.
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = s_table ??= BuildTable();
        for (int i = 0; i < data.Length; i++)
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    public static uint Finish(uint crc) => ~crc;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
