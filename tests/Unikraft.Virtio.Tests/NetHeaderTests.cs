using Uk.Drivers.VirtioNet;

namespace Unikraft.Virtio.Tests;

// The virtio_net_hdr as the spec lays it out: little-endian fields at fixed offsets.
public sealed class NetHeaderTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    public void ATransmitHeaderWithoutChecksumIsAllZero(int length)
    {
        byte[] header = Enumerable.Repeat((byte)0xAA, 16).ToArray();

        VirtioNetHeader.WriteTransmit(header, length, -1, 0);

        Assert.All(header.Take(length), b => Assert.Equal(0, b));
        Assert.All(header.Skip(length), b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void AChecksumRequestSetsNeedsCsumAndLittleEndianStartAndOffset()
    {
        byte[] header = new byte[12];

        VirtioNetHeader.WriteTransmit(header, 12, 0x0122, 0x0010);

        Assert.Equal([1, 0, 0, 0, 0, 0, 0x22, 0x01, 0x10, 0x00, 0, 0], header);
    }

    [Fact]
    public void AReceivedHeaderIsDecoded()
    {
        byte[] header = [2, 0, 0, 0, 0, 0, 0x22, 0, 0x06, 0, 0x03, 0x00];

        Assert.True(VirtioNetHeader.TryRead(header, 12, out VirtioNetHeader decoded));

        Assert.True(decoded.DataValid);
        Assert.False(decoded.NeedsChecksum);
        Assert.Equal(0x22, decoded.ChecksumStart);
        Assert.Equal(6, decoded.ChecksumOffset);
        Assert.Equal(3, decoded.BufferCount);
    }

    [Fact]
    public void ALegacyHeaderHasNoBufferCountAndMeansOneBuffer()
    {
        byte[] header = [1, 0, 0, 0, 0, 0, 0x22, 0, 0x10, 0, 0x07, 0x00];

        Assert.True(VirtioNetHeader.TryRead(header, 10, out VirtioNetHeader decoded));

        Assert.True(decoded.NeedsChecksum);
        Assert.Equal(1, decoded.BufferCount);
    }

    [Theory]
    [InlineData(9, 10)]
    [InlineData(11, 12)]
    [InlineData(0, 12)]
    public void AHeaderShorterThanItsLengthIsRefused(int available, int length) =>
        Assert.False(VirtioNetHeader.TryRead(new byte[available], length, out _));
}
