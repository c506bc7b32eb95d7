namespace Uk.Drivers.Pci;

// The hardware seam of the bus: aligned 32-bit accesses to a function's configuration
// space. The image uses the 0xCF8/0xCFC ports; host tests give a fake bus.
public interface IPciConfigSpace
{
    uint Read32(PciAddress address, int offset);

    void Write32(PciAddress address, int offset, uint value);
}
