namespace Uk.Drivers.Pci;

// Finds every function by brute force over bus, device and function numbers: with no
// firmware guarantee about bridge numbering under direct boot, scanning all 256 buses is
// simple and costs a few milliseconds. Functions 1-7 are read only on multi-function devices.
public static class PciEnumerator
{
    public static PciDevice[] Scan(IPciConfigSpace space, int lastBus = 255)
    {
        var found = new PciDevice[16];
        int count = 0;
        for (int bus = 0; bus <= lastBus; bus++)
        {
            for (int device = 0; device < 32; device++)
            {
                var first = new PciAddress(bus, device, 0);
                if (space.Read16(first, PciRegisters.VendorId) == PciRegisters.NoDevice)
                    continue;
                bool multiFunction = (space.Read8(first, PciRegisters.HeaderType) & PciRegisters.HeaderMultiFunction) != 0;
                int functions = multiFunction ? 8 : 1;
                for (int function = 0; function < functions; function++)
                {
                    var address = new PciAddress(bus, device, function);
                    if (space.Read16(address, PciRegisters.VendorId) == PciRegisters.NoDevice)
                        continue;
                    if (count == found.Length)
                        found = Grow(found);
                    found[count++] = new PciDevice(space, address);
                }
            }
        }
        var result = new PciDevice[count];
        for (int i = 0; i < count; i++)
            result[i] = found[i];
        return result;
    }

    private static PciDevice[] Grow(PciDevice[] devices)
    {
        var larger = new PciDevice[devices.Length * 2];
        for (int i = 0; i < devices.Length; i++)
            larger[i] = devices[i];
        return larger;
    }
}
