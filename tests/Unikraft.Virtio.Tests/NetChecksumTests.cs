using System.Buffers.Binary;
using Uk.Drivers.VirtioNet;

namespace Unikraft.Virtio.Tests;

// The software NEEDS_CSUM: the result must equal a UDP checksum computed from scratch.
public sealed class NetChecksumTests
{
    // An Ethernet + IPv4 + UDP frame whose checksum field holds the pseudo-header sum.
    private static byte[] PartialUdpFrame(int payloadLength, out ushort expected)
    {
        var frame = new byte[14 + 20 + 8 + payloadLength];
        var random = new Random(payloadLength);
        random.NextBytes(frame);
        frame[12] = 0x08;
        frame[13] = 0x00;
        Span<byte> ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        ip[9] = 17;
        Span<byte> udp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payloadLength));
        udp[6] = udp[7] = 0;
        expected = Reference(ip, udp);
        uint pseudo = PseudoHeader(ip, udp.Length);
        while (pseudo > 0xFFFF)
            pseudo = (pseudo & 0xFFFF) + (pseudo >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], (ushort)pseudo);
        return frame;
    }

    private static uint PseudoHeader(ReadOnlySpan<byte> ip, int udpLength)
    {
        uint sum = 0;
        for (int i = 12; i < 20; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        return sum + 17 + (uint)udpLength;
    }

    // RFC 768 over pseudo header and datagram with a zero checksum field.
    private static ushort Reference(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> udp)
    {
        ulong sum = PseudoHeader(ip, udp.Length);
        for (int i = 0; i < udp.Length; i += 2)
            sum += (ulong)(udp[i] << 8 | (i + 1 < udp.Length ? udp[i + 1] : 0));
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        ushort result = (ushort)~sum;
        return result == 0 ? (ushort)0xFFFF : result;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(1472)]
    public void TheFinishedChecksumIsTheUdpChecksum(int payloadLength)
    {
        byte[] frame = PartialUdpFrame(payloadLength, out ushort expected);

        Assert.True(PartialChecksum.Complete(frame, 34, 6));

        Assert.Equal(expected, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(40)));
    }

    [Theory]
    [InlineData(-1, 6)]
    [InlineData(34, -1)]
    [InlineData(70, 6)]
    [InlineData(34, 40)]
    [InlineData(75, 0)]
    public void AStartOrOffsetOutsideTheFrameLeavesItAlone(int start, int offset)
    {
        byte[] frame = PartialUdpFrame(32, out _);
        byte[] before = (byte[])frame.Clone();

        Assert.False(PartialChecksum.Complete(frame, start, offset));

        Assert.Equal(before, frame);
    }
}
