using Uk.Core;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Virtio;

// The legacy (0.9.5) virtio header in I/O BAR 0: 32 feature bits, one page-aligned ring
// per queue given by its page number, device config at 0x14 (MSI-X stays off).
public sealed class LegacyPciTransport : IVirtioTransport
{
    private const int DeviceFeaturesRegister = 0x00;
    private const int DriverFeaturesRegister = 0x04;
    private const int QueueAddressRegister = 0x08;
    private const int QueueSizeRegister = 0x0C;
    private const int QueueSelectRegister = 0x0E;
    private const int QueueNotifyRegister = 0x10;
    private const int StatusRegister = 0x12;
    private const int InterruptStatusRegister = 0x13;
    private const int DeviceConfig = 0x14;

    private readonly ushort _base;

    private LegacyPciTransport(ushort ioBase) => _base = ioBase;

    // Null when BAR 0 is not an I/O range large enough for the header.
    public static LegacyPciTransport? Open(PciDevice device)
    {
        PciBar bar = device.Bars[0];
        if (bar.Kind != PciBarKind.Io || bar.Size < DeviceConfig || bar.Address > 0xFFFF)
            return null;
        return new LegacyPciTransport((ushort)bar.Address);
    }

    public string Name => "legacy";

    public bool IsModern => false;

    public bool CanResizeQueues => false;

    public ulong DeviceFeatures => PortIo.Read32(Port(DeviceFeaturesRegister));

    public void SetDriverFeatures(ulong features) => PortIo.Write32(Port(DriverFeaturesRegister), (uint)features);

    public byte Status
    {
        get => PortIo.Read8(Port(StatusRegister));
        set => PortIo.Write8(Port(StatusRegister), value);
    }

    public void Reset()
    {
        Status = 0;
        for (int i = 0; i < 1000000 && Status != 0; i++)
        {
        }
    }

    public ushort MaximumQueueSize(int queue)
    {
        PortIo.Write16(Port(QueueSelectRegister), (ushort)queue);
        return PortIo.Read16(Port(QueueSizeRegister));
    }

    public bool ActivateQueue(int queue, ushort size, SplitQueue ring, ulong ringMemory)
    {
        // The legacy register holds a 32-bit page number: the ring must lie below 16 TiB and on a page boundary.
        if ((ringMemory & (RingLayout.LegacyAlignment - 1)) != 0 || (ringMemory >> 12) > uint.MaxValue)
            return false;
        PortIo.Write16(Port(QueueSelectRegister), (ushort)queue);
        if (PortIo.Read16(Port(QueueSizeRegister)) != size)
            return false;
        PortIo.Write32(Port(QueueAddressRegister), (uint)(ringMemory >> 12));
        return true;
    }

    public void Notify(int queue) => PortIo.Write16(Port(QueueNotifyRegister), (ushort)queue);

    public byte ReadInterruptStatus() => PortIo.Read8(Port(InterruptStatusRegister));

    public byte ReadConfig8(int offset) => PortIo.Read8(Port(DeviceConfig + offset));

    public uint ReadConfig32(int offset) => PortIo.Read32(Port(DeviceConfig + offset));

    public ulong ReadConfig64(int offset) => ReadConfig32(offset) | ((ulong)ReadConfig32(offset + 4) << 32);

    private ushort Port(int register) => (ushort)(_base + register);
}
