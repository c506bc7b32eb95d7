using Uk.Core;

namespace Uk.Drivers.Pci;

// Configuration mechanism #1: the address goes to port 0xCF8 (enable bit, bus, device,
// function, dword offset), the data moves through port 0xCFC. Reaches the first 256 bytes.
public sealed class PortConfigSpace : IPciConfigSpace
{
    private const ushort AddressPort = 0xCF8;
    private const ushort DataPort = 0xCFC;

    public uint Read32(PciAddress address, int offset)
    {
        ulong flags = Interrupts.Disable();
        PortIo.Write32(AddressPort, Encode(address, offset));
        uint value = PortIo.Read32(DataPort);
        Interrupts.Restore(flags);
        return value;
    }

    public void Write32(PciAddress address, int offset, uint value)
    {
        ulong flags = Interrupts.Disable();
        PortIo.Write32(AddressPort, Encode(address, offset));
        PortIo.Write32(DataPort, value);
        Interrupts.Restore(flags);
    }

    private static uint Encode(PciAddress address, int offset) =>
        0x80000000u | ((uint)address.Bus << 16) | ((uint)address.Device << 11) | ((uint)address.Function << 8) | ((uint)offset & 0xFC);
}
