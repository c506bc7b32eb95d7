using Uk.Drivers.Pci;

namespace Uk.Drivers.Vmxnet3;

// Both windows where BARs 0 and 1 map them (identity-mapped, or mapped 1:1 by
// Vmxnet3Library when above 4 GiB).
public sealed unsafe class MmioRegisters : IVmxnet3Registers
{
    private readonly byte* _pt;
    private readonly byte* _vd;

    public MmioRegisters(ulong pt, ulong vd)
    {
        _pt = (byte*)pt;
        _vd = (byte*)vd;
    }

    public void WritePt(int offset, uint value) => DeviceMemory.Write32(_pt + offset, value);

    public uint ReadVd(int offset) => DeviceMemory.Read32(_vd + offset);

    public void WriteVd(int offset, uint value) => DeviceMemory.Write32(_vd + offset, value);
}
