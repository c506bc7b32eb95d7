namespace Uk.Drivers.Nvme;

// The controller's 32-bit registers and doorbells by byte offset into BAR 0: memory-mapped
// on the machine, a simulated controller in host tests. 64-bit registers (CAP, ASQ, ACQ)
// are two 32-bit accesses, low half first, as NVMe allows.
public interface INvmeRegisters
{
    uint Read(int offset);

    void Write(int offset, uint value);
}
