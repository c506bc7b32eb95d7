using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// IDENTIFY DEVICE's words as ATA8-ACS defines them.
public sealed class IdentifyDataTests
{
    [Fact]
    public void CapacityComesFromTheFortyEightBitWordsAndTheModelIsByteSwappedAndTrimmed()
    {
        byte[] data = FakeDisk.IdentifyFor(0x1_2345_6789, 512, "WDC WD10EZEX-08WN4A0");

        IdentifyData? identity = IdentifyData.Parse(data, out _);

        Assert.NotNull(identity);
        Assert.Equal(0x1_2345_6789ul, identity!.SectorCount);
        Assert.Equal(512, identity.SectorSize);
        Assert.Equal("WDC WD10EZEX-08WN4A0", identity.Model);
        Assert.True(identity.HasFlushExt);
        Assert.True(identity.WriteCacheEnabled);
    }

    [Fact]
    public void FourKibLogicalSectorsAreReadFromWords117And118()
    {
        IdentifyData? identity = IdentifyData.Parse(FakeDisk.IdentifyFor(1000, 4096, "4K DISK"), out _);

        Assert.Equal(4096, identity!.SectorSize);
        Assert.Equal(1000ul, identity.SectorCount);
    }

    [Fact]
    public void Word106IsIgnoredUnlessItsValidityBitsSayItIsThere()
    {
        byte[] data = FakeDisk.IdentifyFor(1000, 4096, "X");
        data[106 * 2 + 1] = 0x10;

        Assert.Equal(512, IdentifyData.Parse(data, out _)!.SectorSize);
    }

    [Fact]
    public void AnOddLogicalSectorSizeIsRefused()
    {
        byte[] data = FakeDisk.IdentifyFor(1000, 4096, "X");
        data[117 * 2] = 0x01;

        Assert.Null(IdentifyData.Parse(data, out string refusal));
        Assert.Equal("unsupported logical sector size", refusal);
    }

    [Fact]
    public void ADiskWithoutFortyEightBitAddressingIsRefused()
    {
        Assert.Null(IdentifyData.Parse(FakeDisk.IdentifyFor(1000, 512, "OLD", lba48: false), out string refusal));
        Assert.Equal("no 48-bit addressing", refusal);
    }

    [Fact]
    public void DataFromAPacketDeviceIsRefused()
    {
        byte[] data = FakeDisk.IdentifyFor(1000, 512, "CD");
        data[1] = 0x85;

        Assert.Null(IdentifyData.Parse(data, out string refusal));
        Assert.Equal("not an ATA device", refusal);
    }

    [Fact]
    public void ShortDataIsRefused() =>
        Assert.Null(IdentifyData.Parse(new byte[100], out _));

    [Fact]
    public void WithoutFlushCacheExtTheFlushIsTheTwentyEightBitOne()
    {
        var rig = new AhciRig(new FakeDisk(64, flushExt: false));

        Assert.Equal(Uk.BlkDev.BlockStatus.Ok, rig.Device.Flush());

        Assert.Equal(AtaProtocol.FlushCache, Assert.Single(rig.Hba.Commands).Command);
    }
}
