using System.Runtime.InteropServices;
using Uk.BlkDev;
using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// What a request becomes in memory: the command header in slot 0, the host-to-device FIS
// and the region descriptors, as the HBA reads them.
public sealed class CommandLayoutTests
{
    [Fact]
    public void AReadIsReadDmaExtWithTheLbaAndCountAndOneRegionOverTheCallersBuffer()
    {
        var rig = new AhciRig(new FakeDisk(72_000));
        Pattern.Fill(rig.Disk.Bytes, 0);
        byte[] buffer = GC.AllocateArray<byte>(9 * 512, pinned: true);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(70_007, buffer));

        IssuedCommand read = Assert.Single(rig.Hba.Commands);
        Assert.Equal(AtaProtocol.FisTypeHostToDevice, read.FisType);
        Assert.Equal(AtaProtocol.FisCommandBit, read.FisFlags);
        Assert.Equal(AtaProtocol.ReadDmaExt, read.Command);
        Assert.Equal(AtaProtocol.DeviceLba, read.Device);
        Assert.Equal(70_007ul, read.Lba);
        Assert.Equal(9, read.Count);
        Assert.Equal(5, read.FisDwords);
        Assert.False(read.IsWrite);
        Assert.Equal(rig.Port.Memory.TableAddress, read.TableAddress);
        Region region = Assert.Single(read.Regions);
        Assert.Equal(AddressOf(buffer), region.Address);
        Assert.Equal(9 * 512, region.Bytes);
        Assert.True(region.Interrupt);
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(70_007 * 512, 9 * 512)));
    }

    [Fact]
    public void AWriteSetsTheHeadersWriteBitAndTheDataReachesTheDisk()
    {
        var rig = new AhciRig();
        byte[] data = GC.AllocateArray<byte>(4 * 512, pinned: true);
        Pattern.Fill(data, 5);

        Assert.Equal(BlockStatus.Ok, rig.Device.Write(10, data));

        IssuedCommand write = Assert.Single(rig.Hba.Commands);
        Assert.Equal(AtaProtocol.WriteDmaExt, write.Command);
        Assert.True(write.IsWrite);
        Assert.Equal(10ul, write.Lba);
        Assert.Equal(4, write.Count);
        Assert.True(data.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(10 * 512, 4 * 512)));
        Assert.All(rig.Disk.Bytes.AsSpan(9 * 512, 512).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void TheFortyEightBitLbaUsesAllSixBytes()
    {
        // Far past what 28 or 32 bits address (the small fake disk answers ID not found).
        var rig = new AhciRig(new FakeDisk(16));

        rig.Port.Issue(AtaProtocol.ReadDmaExt, 0xA1B2_C3D4_E5F6, 1, rig.Port.Memory.IdentifyAddress, 512, write: false);

        Assert.Equal(0xA1B2_C3D4_E5F6ul, Assert.Single(rig.Hba.Commands).Lba);
        Assert.Equal(CommandResult.Failed, rig.Port.Poll());
    }

    [Fact]
    public void AFlushCarriesNoRegionsAndNoData()
    {
        var rig = new AhciRig();

        Assert.Equal(BlockStatus.Ok, rig.Device.Flush());

        IssuedCommand flush = Assert.Single(rig.Hba.Commands);
        Assert.Equal(AtaProtocol.FlushCacheExt, flush.Command);
        Assert.Empty(flush.Regions);
        Assert.False(flush.IsWrite);
        Assert.Equal(1, rig.Disk.Flushes);
    }

    [Fact]
    public void LargeTransfersGoOutInPiecesOfAtMost256KiB()
    {
        var rig = new AhciRig(new FakeDisk(4096));
        byte[] data = GC.AllocateArray<byte>(600 * 1024, pinned: true);
        Pattern.Fill(data, 9);

        Assert.Equal(BlockStatus.Ok, rig.Device.Write(1, data));

        Assert.Equal([512, 512, 176], rig.Hba.Commands.Select(c => c.Count));
        Assert.Equal([1ul, 513ul, 1025ul], rig.Hba.Commands.Select(c => c.Lba));
        Assert.Equal(AddressOf(data) + 512 * 512, rig.Hba.Commands[1].Regions[0].Address);
        Assert.True(data.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(512, data.Length)));
    }

    [Fact]
    public void ABufferAtAnOddAddressGoesThroughAnAlignedCopy()
    {
        var rig = new AhciRig();
        Pattern.Fill(rig.Disk.Bytes, 3);
        byte[] buffer = GC.AllocateArray<byte>(2 * 512 + 1, pinned: true);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(2, buffer.AsSpan(1)));

        Region region = Assert.Single(Assert.Single(rig.Hba.Commands).Regions);
        Assert.Equal(0ul, region.Address & 1);
        Assert.True(buffer.AsSpan(1).SequenceEqual(rig.Disk.Bytes.AsSpan(2 * 512, 2 * 512)));
    }

    [Fact]
    public void FourKibSectorsAreCountedAndAddressedInThemselves()
    {
        var rig = new AhciRig(new FakeDisk(64, sectorSize: 4096));
        byte[] data = GC.AllocateArray<byte>(2 * 4096, pinned: true);
        Pattern.Fill(data, 1);

        Assert.Equal(4096, rig.Device.SectorSize);
        Assert.Equal(BlockStatus.Ok, rig.Device.Write(3, data));
        Assert.Equal(BlockStatus.BadLength, rig.Device.Write(3, data.AsSpan(0, 512)));

        IssuedCommand write = Assert.Single(rig.Hba.Commands);
        Assert.Equal(3ul, write.Lba);
        Assert.Equal(2, write.Count);
        Assert.True(data.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(3 * 4096, 2 * 4096)));
    }

    [Fact]
    public void RequestsPastTheEndNeverReachTheHba()
    {
        var rig = new AhciRig(new FakeDisk(100));
        byte[] buffer = new byte[1024];

        Assert.Equal(BlockStatus.OutOfRange, rig.Device.Read(99, buffer));
        Assert.Equal(BlockStatus.BadLength, rig.Device.Read(0, buffer.AsSpan(0, 100)));
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(98, buffer));

        Assert.Single(rig.Hba.Commands);
    }

    private static unsafe ulong AddressOf(byte[] pinned)
    {
        fixed (byte* start = pinned)
            return (ulong)start;
    }
}

internal static class Pattern
{
    public static void Fill(byte[] data, int seed)
    {
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 7 + seed + (i >> 9));
    }
}
