using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// Start: the chip is reset and brought up in the order the manuals give, and the MAC comes
// from receive address 0 or, where reset did not load it, the EEPROM in each chip's layout.
public sealed class ResetTests
{
    [Theory]
    [InlineData((ushort)0x100E)]
    [InlineData((ushort)0x10D3)]
    public void StartResetsTheChipAndProgramsBothRings(ushort deviceId)
    {
        using var rig = new E1000Rig(deviceId, rxRing: 16, txRing: 8);
        FakeE1000 chip = rig.Device;
        Assert.True(rig.Started);
        Assert.Equal(1, chip.Resets);
        Assert.NotEqual(0u, chip[E1000Registers.Control] & E1000Registers.ControlSetLinkUp);
        Assert.Equal((uint)(16 * 16), chip[E1000Registers.ReceiveLength]);
        Assert.Equal((uint)(8 * 16), chip[E1000Registers.TransmitLength]);
        Assert.NotEqual(0u, chip[E1000Registers.ReceiveBaseLow] | chip[E1000Registers.ReceiveBaseHigh]);
        // Every receive descriptor but one holds a buffer.
        Assert.Equal(0u, chip[E1000Registers.ReceiveHead]);
        Assert.Equal(15u, chip[E1000Registers.ReceiveTail]);
        Assert.Equal(0u, chip[E1000Registers.TransmitTail]);
        uint receive = chip[E1000Registers.ReceiveControl];
        Assert.Equal(E1000Registers.ReceiveEnable | E1000Registers.ReceiveBroadcastAccept | E1000Registers.ReceiveStripCrc, receive);
        uint transmit = chip[E1000Registers.TransmitControl];
        Assert.NotEqual(0u, transmit & E1000Registers.TransmitEnable);
        Assert.NotEqual(0u, transmit & E1000Registers.TransmitPadShort);
        Assert.Equal(E1000Registers.CausesReceive | E1000Registers.CauseLinkChange, chip.Mask);
        Assert.Equal(E1000Rig.Address, rig.Net.Mac);
        Assert.True(rig.Net.LinkUp);
    }

    [Fact]
    public void ThePolledDeviceUnmasksNothing()
    {
        using var rig = new E1000Rig(interrupts: false);
        Assert.True(rig.Started);
        Assert.Equal(0u, rig.Device.Mask);
    }

    [Fact]
    public void StartClearsTheMulticastTable()
    {
        using var rig = new E1000Rig(start: false);
        rig.Device.Write(E1000Registers.MulticastTable + 4 * 5, 0xDEAD);
        Assert.True(rig.Net.Start());
        for (int i = 0; i < E1000Registers.MulticastTableEntries; i++)
            Assert.Equal(0u, rig.Device[E1000Registers.MulticastTable + 4 * i]);
    }

    [Theory]
    [InlineData((ushort)0x100E)]
    [InlineData((ushort)0x100F)]
    [InlineData((ushort)0x10D3)]
    public void WithoutALoadedAddressTheMacComesFromTheEepromAndIsProgrammed(ushort deviceId)
    {
        using var rig = new E1000Rig(deviceId, addressLoaded: false);
        Assert.True(rig.Started);
        Assert.Equal(E1000Rig.Address, rig.Net.Mac);
        uint high = rig.Device[E1000Registers.ReceiveAddressHigh];
        Assert.NotEqual(0u, high & E1000Registers.ReceiveAddressValid);
        Assert.Equal(E1000Rig.Address, StationAddress.FromRegisters(rig.Device[E1000Registers.ReceiveAddressLow], high));
    }

    [Fact]
    public void TheReceiveAddressRegistersHoldTheFirstOctetLowest()
    {
        MacAddress mac = StationAddress.FromRegisters(0x12005452, 0x80005634);
        Assert.Equal("52:54:00:12:34:56", mac.ToString());
    }

    [Fact]
    public void AResetThatNeverFinishesFailsStart()
    {
        using var rig = new E1000Rig(start: false);
        rig.Device.ResetSticks = true;
        Assert.False(rig.Net.Start());
        Assert.Equal(0u, rig.Device[E1000Registers.ReceiveControl]);
    }

    [Fact]
    public void UnknownDevicesAreNotChips()
    {
        Assert.Null(E1000Chip.Find(0x1000));
        Assert.Equal("82540EM", E1000Chip.Find(0x100E)!.Name);
        Assert.Equal("82574L", E1000Chip.Find(0x10D3)!.Name);
    }
}
