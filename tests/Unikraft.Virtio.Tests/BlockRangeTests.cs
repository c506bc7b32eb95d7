using Uk.BlkDev;

namespace Unikraft.Virtio.Tests;

// The checks every block device makes before a request reaches the hardware.
public sealed class BlockRangeTests
{
    [Theory]
    [InlineData(0UL, 512, BlockStatus.Ok)]
    [InlineData(2047UL, 512, BlockStatus.Ok)]
    [InlineData(2040UL, 4096, BlockStatus.Ok)]
    [InlineData(2048UL, 0, BlockStatus.Ok)]
    [InlineData(2048UL, 512, BlockStatus.OutOfRange)]
    [InlineData(2041UL, 4096, BlockStatus.OutOfRange)]
    [InlineData(ulong.MaxValue, 512, BlockStatus.OutOfRange)]
    [InlineData(0UL, 511, BlockStatus.BadLength)]
    [InlineData(0UL, 513, BlockStatus.BadLength)]
    public void RequestsAreCheckedAgainstTheDisk(ulong sector, int bytes, BlockStatus expected) =>
        Assert.Equal(expected, BlockRange.Check(sector, bytes, 512, 2048));

    [Fact]
    public void LargeSectorsCount()
    {
        Assert.Equal(BlockStatus.Ok, BlockRange.Check(255, 4096, 4096, 256));
        Assert.Equal(BlockStatus.BadLength, BlockRange.Check(0, 512, 4096, 256));
    }
}
