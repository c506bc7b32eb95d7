namespace Uk.Drivers.Pci;

// PCI Express enhanced configuration access: each function's 4 KiB of configuration space
// memory-mapped inside the MCFG window. Buses outside the window read as absent.
public sealed unsafe class EcamConfigSpace : IPciConfigSpace
{
    private readonly EcamWindow _window;

    public EcamConfigSpace(EcamWindow window) => _window = window;

    public EcamWindow Window => _window;

    public uint Read32(PciAddress address, int offset)
    {
        byte* register = Register(address, offset);
        return register == null ? 0xFFFFFFFFu : DeviceMemory.Read32(register);
    }

    public void Write32(PciAddress address, int offset, uint value)
    {
        byte* register = Register(address, offset);
        if (register != null)
            DeviceMemory.Write32(register, value);
    }

    private byte* Register(PciAddress address, int offset)
    {
        if (address.Bus < _window.StartBus || address.Bus > _window.EndBus || offset < 0 || offset > 0xFFC)
            return null;
        ulong at = _window.BaseAddress
            + ((ulong)(address.Bus - _window.StartBus) << 20)
            + ((ulong)address.Device << 15)
            + ((ulong)address.Function << 12)
            + (ulong)(offset & 0xFFC);
        return (byte*)at;
    }
}
