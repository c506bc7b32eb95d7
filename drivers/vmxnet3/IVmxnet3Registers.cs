namespace Uk.Drivers.Vmxnet3;

// The device's two register windows: BAR 0 ("PT": interrupt masks, producer indices, written
// on the data path) and BAR 1 ("VD": version, shared-memory address, commands, MAC, causes).
// Memory-mapped on the machine, a simulated device in host tests.
public interface IVmxnet3Registers
{
    void WritePt(int offset, uint value);

    uint ReadVd(int offset);

    void WriteVd(int offset, uint value);
}
