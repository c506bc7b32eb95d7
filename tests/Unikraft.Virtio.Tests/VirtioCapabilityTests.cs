using Uk.Drivers.Pci;
using Uk.Drivers.Virtio;

namespace Unikraft.Virtio.Tests;

// Finding a modern virtio device's register blocks from its vendor capabilities.
public sealed class VirtioCapabilityTests
{
    private static byte[] Capability(byte type, byte bar, uint offset, uint length, uint? multiplier = null)
    {
        // After id and next: cap_len, cfg_type, bar, id, padding[2], offset, length (+ multiplier).
        var body = new List<byte> { (byte)(multiplier is null ? 16 : 20), type, bar, 0, 0, 0 };
        body.AddRange(BitConverter.GetBytes(offset));
        body.AddRange(BitConverter.GetBytes(length));
        if (multiplier is not null)
            body.AddRange(BitConverter.GetBytes(multiplier.Value));
        return body.ToArray();
    }

    private static (FakePciBus, FakePciBus.Function) ModernDevice()
    {
        var bus = new FakePciBus();
        var f = bus.Add(0, 4, 0, 0x1AF4, 0x1042, 0x01, 0x00);
        FakePciBus.SetBar(f, 1, PciBarKind.Memory32, 0xFEBD1000, 0x1000);
        FakePciBus.SetBar(f, 4, PciBarKind.Memory64, 0xFE000000, 0x4000, prefetchable: true);
        return (bus, f);
    }

    [Fact]
    public void TheFourRegisterBlocksAreFoundInsideTheirBar()
    {
        var (bus, f) = ModernDevice();
        f.AddCapability(0x40, CapabilityList.VendorSpecific, Capability(1, 4, 0x0000, 0x1000));
        f.AddCapability(0x54, CapabilityList.VendorSpecific, Capability(3, 4, 0x1000, 0x1000));
        f.AddCapability(0x64, CapabilityList.VendorSpecific, Capability(4, 4, 0x2000, 0x1000));
        f.AddCapability(0x74, CapabilityList.VendorSpecific, Capability(2, 4, 0x3000, 0x1000, multiplier: 4));
        var address = new PciAddress(0, 4, 0);

        var caps = VirtioPciCapabilities.Read(bus, address, BarDecoder.ReadAll(bus, address));

        Assert.True(caps.IsComplete);
        Assert.Equal(0xFE000000UL, caps.Common.Address);
        Assert.Equal(0xFE001000UL, caps.Isr.Address);
        Assert.Equal(0xFE002000UL, caps.Device.Address);
        Assert.Equal(0xFE003000UL, caps.Notify.Address);
        Assert.Equal(4u, caps.NotifyOffsetMultiplier);
        Assert.Equal(0, caps.Rejected);
    }

    [Fact]
    public void BlocksOutsideTheirBarOrInAnIoBarAreRejected()
    {
        var (bus, f) = ModernDevice();
        FakePciBus.SetBar(f, 0, PciBarKind.Io, 0xC000, 0x40);
        f.AddCapability(0x40, CapabilityList.VendorSpecific, Capability(1, 4, 0x3F00, 0x1000)); // runs past the end
        f.AddCapability(0x54, CapabilityList.VendorSpecific, Capability(3, 0, 0x0, 0x4)); // an I/O BAR
        f.AddCapability(0x64, CapabilityList.VendorSpecific, Capability(4, 9, 0x0, 0x10)); // no such BAR
        f.AddCapability(0x74, CapabilityList.VendorSpecific, Capability(2, 2, 0x0, 0x10, multiplier: 4)); // an empty BAR
        var address = new PciAddress(0, 4, 0);

        var caps = VirtioPciCapabilities.Read(bus, address, BarDecoder.ReadAll(bus, address));

        Assert.False(caps.IsComplete);
        Assert.False(caps.Common.IsPresent);
        Assert.False(caps.Isr.IsPresent);
        Assert.False(caps.Device.IsPresent);
        Assert.False(caps.Notify.IsPresent);
        Assert.Equal(4, caps.Rejected);
    }

    [Fact]
    public void ADeviceWithoutVendorCapabilitiesIsNotModern()
    {
        var (bus, _) = ModernDevice();
        var address = new PciAddress(0, 4, 0);
        Assert.False(VirtioPciCapabilities.Read(bus, address, BarDecoder.ReadAll(bus, address)).IsComplete);
    }
}
