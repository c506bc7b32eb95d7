using System;

namespace Uk.Net;

// The ones'-complement sum of RFC 1071, accumulated in 32 bits and folded at the end, so a
// header and its pseudo-header can be summed in pieces.
public static class InternetChecksum
{
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        // Four words a turn into 64 bits: no fold inside the loop, however long the data.
        ulong total = sum;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            total += (uint)(data[i] << 8 | data[i + 1]) + (uint)(data[i + 2] << 8 | data[i + 3])
                + (uint)(data[i + 4] << 8 | data[i + 5]) + (uint)(data[i + 6] << 8 | data[i + 7]);
        }
        for (; i + 1 < data.Length; i += 2)
            total += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length)
            total += (uint)data[i] << 8;
        while ((total >> 16) != 0)
            total = (total & 0xFFFF) + (total >> 16);
        return (uint)total;
    }

    public static uint AddPseudoHeader(uint sum, IPv4Address source, IPv4Address destination, byte protocol, int length)
    {
        sum += source.Value >> 16;
        sum += source.Value & 0xFFFF;
        sum += destination.Value >> 16;
        sum += destination.Value & 0xFFFF;
        sum += protocol;
        sum += (uint)length;
        return sum;
    }

    public static ushort Finish(uint sum)
    {
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

    // A header whose stored checksum is right sums to all ones, which Finish turns into zero.
    public static bool IsValid(ReadOnlySpan<byte> data) => Compute(data) == 0;
}
