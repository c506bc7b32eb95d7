using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The IP layer under one TcpLayer in the state-machine tests: records every segment sent and
// builds the peer's segments, checksums included.
internal sealed class CapturingIp : IIpSender
{
    public static readonly IPv4Address Local = new(10, 0, 2, 15);
    public static readonly IPv4Address Peer = new(10, 0, 2, 2);

    public List<byte[]> Sent { get; } = new();

    public int MaxPayload => 1480;

    public IPv4Address LocalAddressFor(IPv4Address destination) => Local;

    public bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        Assert.Equal(6, protocol);
        Assert.Equal(0, TcpSegment.Checksum(source, destination, payload));
        Sent.Add(payload.ToArray());
        return true;
    }

    public TcpSegment Last()
    {
        Assert.NotEmpty(Sent);
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(Sent[^1], out TcpSegment segment));
        return segment;
    }

    public static byte[] Build(ushort sourcePort, ushort destinationPort, uint seq, uint ack, byte flags, ushort window = 8192, ushort mss = 0, byte[]? data = null)
    {
        data ??= [];
        byte[] segment = new byte[24 + data.Length];
        int header = TcpSegment.WriteHeader(segment, sourcePort, destinationPort, seq, ack, flags, window, mss);
        data.CopyTo(segment, header);
        Array.Resize(ref segment, header + data.Length);
        NetworkOrder.WriteUInt16(segment.AsSpan(16), TcpSegment.Checksum(Peer, Local, segment));
        return segment;
    }

    // A segment with raw option bytes (padded with End to a multiple of 4).
    public static byte[] BuildWithOptions(ushort sourcePort, ushort destinationPort, uint seq, uint ack, byte flags, ushort window, byte[] options, byte[]? data = null)
    {
        data ??= [];
        int padded = (options.Length + 3) / 4 * 4;
        byte[] segment = new byte[TcpSegment.HeaderLength + padded + data.Length];
        options.CopyTo(segment, TcpSegment.HeaderLength);
        int header = TcpSegment.WriteHeaderAroundOptions(segment, sourcePort, destinationPort, seq, ack, flags, window, padded);
        data.CopyTo(segment, header);
        NetworkOrder.WriteUInt16(segment.AsSpan(16), TcpSegment.Checksum(Peer, Local, segment));
        return segment;
    }

    public static byte[] Mss(ushort mss) => [2, 4, (byte)(mss >> 8), (byte)mss];

    public static byte[] WindowScale(byte shift) => [1, 3, 3, shift];

    public static byte[] Timestamps(uint value, uint echo) =>
        [1, 1, 8, 10, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value,
         (byte)(echo >> 24), (byte)(echo >> 16), (byte)(echo >> 8), (byte)echo];

    public static byte[] SackPermitted() => [1, 1, 4, 2];
}
