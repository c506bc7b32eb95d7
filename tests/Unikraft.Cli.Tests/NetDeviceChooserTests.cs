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
