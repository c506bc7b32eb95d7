using Uk.Drivers.Pci;

namespace Uk.Drivers.Xhci;

// The register file where BAR 0 maps it; the first 4 GiB are identity-mapped (a BAR above
// is mapped 1:1 by XhciLibrary before this is made).
public sealed unsafe class MmioRegisters : IXhciRegisters
{
    private readonly byte* _base;

    public MmioRegisters(ulong physicalAddress) => _base = (byte*)physicalAddress;

    public uint Read(int offset) => DeviceMemory.Read32(_base + offset);

    public void Write(int offset, uint value) => DeviceMemory.Write32(_base + offset, value);
}
