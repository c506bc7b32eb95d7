using System;

namespace Uk.Net;

// The ones'-complement sum of RFC 1071, accumulated in 32 bits and folded at the end, so a
// header and its pseudo-header can be summed in pieces.
public static class InternetChecksum
{
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length)
            sum += (uint)data[i] << 8;
        // Fold early so long payloads cannot overflow the accumulator.
        return (sum & 0xFFFF) + (sum >> 16);
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
