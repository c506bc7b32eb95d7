using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The options TcpSegment reads and TcpOptionWriter writes: each round-trips, and a bad
// length makes the whole segment a counted drop, never an exception.
public sealed class TcpOptionParsingTests
{
    private static byte[] Segment(params byte[] options)
    {
        int padded = (options.Length + 3) / 4 * 4;
        byte[] segment = new byte[TcpSegment.HeaderLength + padded];
        options.CopyTo(segment, TcpSegment.HeaderLength);
        TcpSegment.WriteHeaderAroundOptions(segment, 5000, 80, 1, 0, TcpFlags.Syn, 1000, padded);
        return segment;
    }

    [Fact]
    public void WrittenOptionsReadBack()
    {
        byte[] segment = new byte[60];
        var writer = new TcpOptionWriter(segment);
        writer.MaxSegmentSize(1460);
        writer.WindowScale(7);
        writer.SackPermitted();
        writer.Timestamps(0xDEADBEEF, 0x01020304);
        Assert.Equal(24, writer.Length);
        int length = TcpSegment.WriteHeaderAroundOptions(segment, 1, 2, 3, 4, TcpFlags.Syn, 5, writer.Length);
        Assert.Equal(44, length);
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(segment.AsSpan(0, length), out TcpSegment parsed));
        Assert.Equal(1460, parsed.MaxSegmentSize);
        Assert.True(parsed.HasWindowScale);
        Assert.Equal(7, parsed.WindowScale);
        Assert.True(parsed.SackPermitted);
        Assert.True(parsed.HasTimestamps);
        Assert.Equal(0xDEADBEEFu, parsed.TimestampValue);
        Assert.Equal(0x01020304u, parsed.TimestampEcho);
        Assert.Equal(0, parsed.SackBlockCount);
        Assert.Equal(0, parsed.Payload.Length);
    }

    [Fact]
    public void SackBlocksReadBack()
    {
        byte[] segment = new byte[60];
        var writer = new TcpOptionWriter(segment);
        writer.SackHeader(3);
        writer.SackBlock(100, 200);
        writer.SackBlock(300, 400);
        writer.SackBlock(0xFFFFFFF0, 0x10);
        Assert.Equal(TcpOptionWriter.SackLength(3), writer.Length);
        int length = TcpSegment.WriteHeaderAroundOptions(segment, 1, 2, 3, 4, TcpFlags.Ack, 5, writer.Length);
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(segment.AsSpan(0, length), out TcpSegment parsed));
        Assert.Equal(3, parsed.SackBlockCount);
        Assert.Equal(300u, parsed.SackLeft(1));
        Assert.Equal(400u, parsed.SackRight(1));
        Assert.Equal(0xFFFFFFF0u, parsed.SackLeft(2));
        Assert.Equal(0x10u, parsed.SackRight(2));
    }

    [Fact]
    public void AShiftAbove14IsTakenAs14()
    {
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(Segment(3, 3, 15), out TcpSegment parsed));
        Assert.True(parsed.HasWindowScale);
        Assert.Equal(14, parsed.WindowScale);
    }

    [Fact]
    public void UnknownOptionsAreSkipped()
    {
        Assert.Equal(TcpParseResult.Ok, TcpSegment.TryParse(Segment(30, 4, 9, 9, 3, 3, 2), out TcpSegment parsed));
        Assert.Equal(2, parsed.WindowScale);
    }

    [Theory]
    [InlineData(new byte[] { 3, 2 })]                   // window scale without its shift
    [InlineData(new byte[] { 3, 4, 1, 1 })]             // window scale one byte too long
    [InlineData(new byte[] { 4, 3, 0 })]                // SACK-permitted with a value
    [InlineData(new byte[] { 8, 8, 0, 0, 0, 0, 0, 0 })] // timestamps two bytes short
    [InlineData(new byte[] { 5, 2 })]                   // SACK with no block
    [InlineData(new byte[] { 5, 9, 0, 0, 0, 1, 0, 0, 0 })] // SACK with a partial block
    [InlineData(new byte[] { 5, 40 })]                  // SACK longer than the options
    [InlineData(new byte[] { 2, 3, 0 })]                // MSS one byte short
    [InlineData(new byte[] { 8 })]                      // a kind with no length byte
    public void BadLengthsAreRejected(byte[] options)
    {
        Assert.Equal(TcpParseResult.BadOptions, TcpSegment.TryParse(Segment(options), out _));
    }

    [Theory]
    [InlineData(new byte[] { 3, 2 })]
    [InlineData(new byte[] { 8, 8, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 5, 9, 0, 0, 0, 1, 0, 0, 0 })]
    public void ASynWithABadOptionIsCountedAndMakesNothing(byte[] options)
    {
        var ip = new CapturingIp();
        var tcp = new TcpLayer(ip, new TcpOptions { Seed = 1 });
        tcp.Listen(CapturingIp.Local, 80, 4);
        byte[] segment = Segment(options);
        NetworkOrder.WriteUInt16(segment.AsSpan(16), TcpSegment.Checksum(CapturingIp.Peer, CapturingIp.Local, segment));
        tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, 0);
        Assert.Equal(1UL, tcp.Statistics[TcpCounter.DropBadOptions]);
        Assert.Equal(0, tcp.ConnectionCount);
        Assert.Empty(ip.Sent);
    }

    [Theory]
    [InlineData(65535, 0)]
    [InlineData(65536, 1)]
    [InlineData(255 * 1024, 2)]
    [InlineData(256 * 1024, 3)]
    [InlineData(1 << 30, 14)]
    [InlineData(int.MaxValue, 14)]
    public void OurShiftIsTheSmallestThatCoversTheReceiveBuffer(int buffer, int shift)
        => Assert.Equal(shift, TcpConnection.WindowScaleFor(buffer));
}
