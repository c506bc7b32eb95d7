namespace Uk.Drivers.Pci;

// One function found on the bus, with what drivers need to match and program it.
public sealed class PciDevice
{
    private PciBar[]? _bars;

    public PciDevice(IPciConfigSpace space, PciAddress address)
    {
        ConfigSpace = space;
        Address = address;
        VendorId = space.Read16(address, PciRegisters.VendorId);
        DeviceId = space.Read16(address, PciRegisters.DeviceId);
        uint revisionAndClass = space.Read32(address, PciRegisters.RevisionAndClass);
        Revision = (byte)revisionAndClass;
        ProgrammingInterface = (byte)(revisionAndClass >> 8);
        Subclass = (byte)(revisionAndClass >> 16);
        ClassCode = (byte)(revisionAndClass >> 24);
        HeaderType = (byte)(space.Read8(address, PciRegisters.HeaderType) & PciRegisters.HeaderTypeMask);
        SubsystemId = HeaderType == 0 ? space.Read16(address, PciRegisters.SubsystemId) : (ushort)0;
        InterruptLine = space.Read8(address, PciRegisters.InterruptLine);
        InterruptPin = space.Read8(address, PciRegisters.InterruptPin);
    }

    public IPciConfigSpace ConfigSpace { get; }

    public PciAddress Address { get; }

    public ushort VendorId { get; }

    public ushort DeviceId { get; }

    public ushort SubsystemId { get; }

    public byte ClassCode { get; }

    public byte Subclass { get; }

    public byte ProgrammingInterface { get; }

    public byte Revision { get; }

    // 0 an ordinary function, 1 a PCI-to-PCI bridge.
    public byte HeaderType { get; }

    // The legacy IRQ the firmware routed INTx to (0xFF or 0 when none), and which pin (0 none, 1 INTA# ...).
    public byte InterruptLine { get; }

    public byte InterruptPin { get; }

    // The driver that claimed it, or null.
    public string? DriverName { get; internal set; }

    // Decoded on first use: sizing a BAR briefly stops the device decoding it.
    public PciBar[] Bars => _bars ??= HeaderType == 0 ? BarDecoder.ReadAll(ConfigSpace, Address) : new PciBar[BarDecoder.BarCount];

    public uint ReadConfig32(int offset) => ConfigSpace.Read32(Address, offset);

    public byte ReadConfig8(int offset) => ConfigSpace.Read8(Address, offset);

    public ushort ReadConfig16(int offset) => ConfigSpace.Read16(Address, offset);

    public void WriteConfig16(int offset, ushort value) => ConfigSpace.Write16(Address, offset, value);

    // Turns on I/O and memory decoding and DMA by the device, and INTx unless disabled.
    public void Enable(bool busMaster, bool legacyInterrupts)
    {
        ushort command = ReadConfig16(PciRegisters.Command);
        command |= PciRegisters.CommandIoSpace | PciRegisters.CommandMemorySpace;
        if (busMaster)
            command |= PciRegisters.CommandBusMaster;
        if (legacyInterrupts)
            command &= unchecked((ushort)~PciRegisters.CommandInterruptDisable);
        else
            command |= PciRegisters.CommandInterruptDisable;
        WriteConfig16(PciRegisters.Command, command);
    }

    public int FindCapability(byte id) => CapabilityList.Find(ConfigSpace, Address, id);

    public int FindCapabilities(byte id, int[] offsets) => CapabilityList.FindAll(ConfigSpace, Address, id, offsets);

    // "00:04.0 1af4:1001 class 01.00" - the line the bus prints for it.
    public string Describe() =>
        Address.ToString() + " " + VendorId.ToString("x4") + ":" + DeviceId.ToString("x4")
        + " class " + ClassCode.ToString("x2") + "." + Subclass.ToString("x2") + (ProgrammingInterface != 0 ? "." + ProgrammingInterface.ToString("x2") : "");
}
