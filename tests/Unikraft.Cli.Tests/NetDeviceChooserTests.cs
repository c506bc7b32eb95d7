using Unikraft.Cli.Running;

namespace Unikraft.Cli.Tests;

// `uk run --net user` hands the guest the NIC its manifest has a driver for.
public sealed class NetDeviceChooserTests
{
    [Theory]
    [InlineData("virtio-net", "virtio-net-pci")]
    [InlineData("e1000", "e1000")]
    [InlineData("vmxnet3", "vmxnet3")]
    public void TheImagesDriverPicksTheNic(string driver, string device) =>
        Assert.Equal(device, NetDeviceChooser.For(["uart16550", "pci", "uknetdev", driver, "netstack"]));

    [Fact]
    public void AnImageWithoutANicDriverGetsVirtio() =>
        Assert.Equal("virtio-net-pci", NetDeviceChooser.For(["uart16550", "vgacons"]));

    [Fact]
    public void TheCommandLineCarriesTheChosenNic()
    {
        List<string> arguments = QemuCommandLine.Build(new QemuOptions { Elf = "a.elf", Iso = "a.iso", MemoryMiB = 64, Net = "user", Ports = ["8080:80"], NetDevice = "e1000" }, null);
        int device = arguments.IndexOf("user,id=n0,hostfwd=tcp::8080-:80");
        Assert.True(device > 0, string.Join(' ', arguments));
        Assert.Equal(["-device", "e1000,netdev=n0"], arguments.Skip(device + 1).Take(2));
    }
}

// `uk run --disk` attaches the disk to the controller the image's block driver drives.
public sealed class DiskDeviceChooserTests
{
    [Theory]
    [InlineData("virtio-blk", "virtio-blk-pci,drive=d0")]
    [InlineData("ahci", "ahci,id=sata|ide-hd,drive=d0,bus=sata.0")]
    [InlineData("nvme", "nvme,drive=d0,serial=uk-disk-0")]
    public void TheImagesDriverPicksTheController(string driver, string devices) =>
        Assert.Equal(devices.Split('|'), DiskDeviceChooser.For(["uart16550", "pci", "ukblkdev", driver, "vfscore", "fatfs"]));

    [Fact]
    public void TheCommandLineAttachesDriveD0ToEachDevice()
    {
        string disk = Path.GetTempFileName();
        try
        {
            List<string> arguments = QemuCommandLine.Build(new QemuOptions { Elf = "a.elf", Iso = "a.iso", MemoryMiB = 64, Disk = disk, DiskDevices = DiskDeviceChooser.For(["ahci"]) }, null);
            int drive = arguments.IndexOf("-drive");
            Assert.StartsWith("file=" + disk + ",if=none,id=d0,format=raw", arguments[drive + 1], StringComparison.Ordinal);
            Assert.Equal(["-device", "ahci,id=sata", "-device", "ide-hd,drive=d0,bus=sata.0"], arguments.Skip(drive + 2).Take(4));
        }
        finally
        {
            File.Delete(disk);
        }
    }
}
