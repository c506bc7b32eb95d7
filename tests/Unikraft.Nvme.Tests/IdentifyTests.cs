using Uk.BlkDev;
using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// Identify controller and namespace become the disk's name, size, sector size (from the
// namespace's current LBA format), write protection and largest request.
public sealed class IdentifyTests
{
    [Fact]
    public void TheDiskTakesItsSizeAndSectorSizeFromTheCurrentLbaFormat()
    {
        var rig = new NvmeRig(new FakeNamespace(1000, sectorSize: 4096));

        Assert.Equal(4096, rig.Device.SectorSize);
        Assert.Equal(1000ul, rig.Device.SectorCount);
        Assert.Equal("FAKE NVME CONTROLLER", rig.Device.Model);
        Assert.Equal("FAKE0001", rig.Driver.Identity!.Serial);
        Assert.True(rig.Driver.Identity.HasWriteCache);
        Assert.False(rig.Device.IsReadOnly);
        Assert.Equal(NvmeDisk.MaximumTransferBytes, rig.Device.MaximumRequestBytes);
    }

    [Fact]
    public void TheControllersTransferLimitCapsRequests()
    {
        // MDTS 3: 2^3 pages of 4 KiB.
        var rig = new NvmeRig(transferShift: 3);

        Assert.Equal(32 * 1024, rig.Device.MaximumRequestBytes);
    }

    [Fact]
    public void AWriteProtectedNamespaceIsReadOnlyAndRefusesWrites()
    {
        var rig = new NvmeRig(new FakeNamespace(64, readOnly: true));
        byte[] buffer = new byte[512];

        Assert.True(rig.Device.IsReadOnly);
        Assert.Equal(BlockStatus.ReadOnly, rig.Device.Write(0, buffer));
        Assert.Empty(rig.Controller.IoCommands);
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(0, buffer));
    }

    [Theory]
    [InlineData(0ul, 512, 0, false, "namespace 1 is not active")]
    [InlineData(64ul, 256, 0, false, "namespace 1 has sectors of 2^8 bytes")]
    [InlineData(64ul, 512, 8, true, "namespace 1 interleaves 8 bytes of metadata with each sector")]
    public void ANamespaceTheDriverCannotUseIsRefusedWithTheReason(ulong sectors, int sectorSize, int metadata, bool extended, string reason)
    {
        var fake = new FakeNvme(new FakeNamespace(sectors, sectorSize, metadata: metadata, extendedMetadata: extended));

        Assert.False(new NvmeController(fake, interrupts: false).Start(out string refusal));

        Assert.Equal(reason, refusal);
    }

    [Fact]
    public void SeparateMetadataDoesNotStopTheNamespace()
    {
        var fake = new FakeNvme(new FakeNamespace(64, metadata: 8, extendedMetadata: false));

        Assert.True(new NvmeController(fake, interrupts: false).Start(out string refusal), refusal);
    }
}
