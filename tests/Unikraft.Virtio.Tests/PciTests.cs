using Uk.Drivers.Pci;

namespace Unikraft.Virtio.Tests;

// The bus logic over a fake configuration space: enumeration, BAR decoding, capability
// walking and driver matching.
public sealed class PciTests
{
    [Fact]
    public void EnumerationFindsEveryFunctionAndReadsOnlyMultiFunctionDevicesPastFunctionZero()
    {
        var bus = new FakePciBus();
        bus.Add(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00);
        bus.Add(0, 1, 0, 0x8086, 0x7000, 0x06, 0x01, multiFunction: true);
        bus.Add(0, 1, 1, 0x8086, 0x7010, 0x01, 0x01);
        bus.Add(0, 1, 3, 0x8086, 0x7113, 0x06, 0x80);
        bus.Add(0, 4, 0, 0x1AF4, 0x1001, 0x01, 0x00);
        // A function 2 behind a single-function device must not be reported.
        bus.Add(0, 4, 2, 0x1234, 0x5678);
        bus.Add(3, 7, 0, 0x1AF4, 0x1042, 0x01, 0x00);

        PciDevice[] devices = PciEnumerator.Scan(bus);

        Assert.Equal(["00:00.0", "00:01.0", "00:01.1", "00:01.3", "00:04.0", "03:07.0"], devices.Select(d => d.Address.ToString()));
        Assert.Equal("00:04.0 1af4:1001 class 01.00", devices[4].Describe());
        Assert.Equal(0x1042, devices[5].DeviceId);
    }

    [Fact]
    public void BarsDecodeIoMemory32AndMemory64WithTheirSizes()
    {
        var bus = new FakePciBus();
        var f = bus.Add(0, 2, 0, 0x1AF4, 0x1001);
        FakePciBus.SetBar(f, 0, PciBarKind.Io, 0xC040, 0x40);
        FakePciBus.SetBar(f, 1, PciBarKind.Memory32, 0xFEBD1000, 0x1000);
        FakePciBus.SetBar(f, 4, PciBarKind.Memory64, 0x8_0000_4000, 0x4000, prefetchable: true);
        f.Set16(PciRegisters.Command, 0x7);

        PciBar[] bars = BarDecoder.ReadAll(bus, new PciAddress(0, 2, 0));

        Assert.Equal(new PciBar(PciBarKind.Io, 0xC040, 0x40, false), bars[0]);
        Assert.Equal(new PciBar(PciBarKind.Memory32, 0xFEBD1000, 0x1000, false), bars[1]);
        Assert.Equal(PciBarKind.None, bars[2].Kind);
        Assert.Equal(PciBarKind.None, bars[3].Kind);
        Assert.Equal(new PciBar(PciBarKind.Memory64, 0x8_0000_4000, 0x4000, true), bars[4]);
        Assert.Equal(PciBarKind.None, bars[5].Kind);
        // Sizing wrote all ones; the original addresses and the command register are back.
        Assert.Equal(0xFEBD1000u, BitConverter.ToUInt32(f.Config, PciRegisters.Bar0 + 4));
        Assert.Equal(0x8u, BitConverter.ToUInt32(f.Config, PciRegisters.Bar0 + 20));
        Assert.Equal(0x7, f.Get16(PciRegisters.Command));
    }

    [Fact]
    public void BarContainsChecksRangesWithoutOverflow()
    {
        var bar = new PciBar(PciBarKind.Memory32, 0x1000, 0x1000, false);
        Assert.True(bar.Contains(0, 0x1000));
        Assert.True(bar.Contains(0xFFC, 4));
        Assert.False(bar.Contains(0xFFD, 4));
        Assert.False(bar.Contains(0x2000, 1));
        Assert.False(bar.Contains(4, ulong.MaxValue));
        Assert.False(default(PciBar).Contains(0, 1));
    }

    [Fact]
    public void TheCapabilityListIsWalkedInOrder()
    {
        var bus = new FakePciBus();
        var f = bus.Add(0, 2, 0, 0x1AF4, 0x1042);
        f.AddCapability(0x40, CapabilityList.VendorSpecific, 0);
        f.AddCapability(0x54, CapabilityList.MsiX, 0);
        f.AddCapability(0x70, CapabilityList.VendorSpecific, 0);
        var address = new PciAddress(0, 2, 0);

        var offsets = new int[8];
        Assert.Equal(2, CapabilityList.FindAll(bus, address, CapabilityList.VendorSpecific, offsets));
        Assert.Equal([0x70, 0x40], offsets.Take(2));
        Assert.Equal(0x54, CapabilityList.Find(bus, address, CapabilityList.MsiX));
        Assert.Equal(0, CapabilityList.Find(bus, address, CapabilityList.Msi));
    }

    [Fact]
    public void ALoopingOrOutOfRangeCapabilityListEndsTheWalk()
    {
        var bus = new FakePciBus();
        var f = bus.Add(0, 2, 0, 0x1AF4, 0x1042);
        f.AddCapability(0x40, CapabilityList.VendorSpecific, 0);
        f.AddCapability(0x50, CapabilityList.VendorSpecific, 0);
        f.Config[0x41] = 0x50; // 0x50 -> 0x40 -> 0x50 -> ...
        var address = new PciAddress(0, 2, 0);

        var offsets = new int[100];
        int found = CapabilityList.FindAll(bus, address, CapabilityList.VendorSpecific, offsets);
        Assert.InRange(found, 2, 48);
        Assert.True(f.Reads < 200, "the walk stopped");

        f.Config[0x51] = 0x10; // points into the header: stop there
        f.Config[0x41] = 0x00;
        Assert.Equal(1, CapabilityList.FindAll(bus, address, CapabilityList.VendorSpecific, offsets));

        f.Set16(PciRegisters.Status, 0); // no capability list at all
        Assert.Equal(0, CapabilityList.FindAll(bus, address, CapabilityList.VendorSpecific, offsets));
    }

    [Fact]
    public void DriversMatchByVendorAndDeviceOrByClass()
    {
        var bus = new FakePciBus();
        bus.Add(0, 3, 0, 0x1AF4, 0x1001, 0x01, 0x00);
        bus.Add(0, 4, 0, 0x1AF4, 0x1000, 0x02, 0x00);
        bus.Add(0, 5, 0, 0x8086, 0x2922, 0x01, 0x06);
        PciDevice[] devices = PciEnumerator.Scan(bus, lastBus: 0);

        Assert.Equal([true, false, false], devices.Select(PciDriverMatch.Device(0x1AF4, 0x1001).Matches));
        Assert.Equal([true, true, false], devices.Select(new PciDriverMatch(0x1AF4, PciDriverMatch.AnyDevice).Matches));
        Assert.Equal([false, false, true], devices.Select(PciDriverMatch.Class(0x01, 0x06).Matches));
        Assert.Equal([true, false, true], devices.Select(new PciDriverMatch(PciDriverMatch.AnyVendor, PciDriverMatch.AnyDevice, 0x01).Matches));
    }

    [Fact]
    public void NarrowWritesKeepTheRestOfTheDword()
    {
        var bus = new FakePciBus();
        var f = bus.Add(0, 3, 0, 0x1AF4, 0x1001);
        f.Set16(PciRegisters.Status, 0x0010);
        var address = new PciAddress(0, 3, 0);

        bus.Write16(address, PciRegisters.Command, 0x0407);

        Assert.Equal(0x0407, f.Get16(PciRegisters.Command));
        Assert.Equal(0x0010, f.Get16(PciRegisters.Status));
        Assert.Equal(0x1AF4, bus.Read16(address, PciRegisters.VendorId));
        Assert.Equal(0x10, bus.Read16(address, PciRegisters.Status));
    }
}
