namespace Uk.Plat.PcX86_64.Apic;

// The seam of the memory-mapped controllers: 32-bit register accesses at physical
// addresses. The image touches the identity map; host tests model the device.
public interface IMmio
{
    uint Read32(ulong address);

    void Write32(ulong address, uint value);
}
