namespace Uk.Drivers.Pci;

// The capability list in configuration space, walked without trusting it: pointers below the
// header or past the end stop the walk, and so does a list longer than the space can hold
// (a loop), so a broken device costs a missing capability, never a hang.
public static class CapabilityList
{
    public const byte Msi = 0x05;
    public const byte VendorSpecific = 0x09;
    public const byte MsiX = 0x11;

    private const int FirstOffset = 0x40;
    private const int MaximumEntries = (256 - FirstOffset) / 4;

    // Offsets of every capability with this id, in list order; at most results.Length.
    public static int FindAll(IPciConfigSpace space, PciAddress address, byte id, int[] results)
    {
        int found = 0;
        if ((space.Read16(address, PciRegisters.Status) & PciRegisters.StatusCapabilities) == 0)
            return 0;
        int offset = space.Read8(address, PciRegisters.CapabilitiesPointer) & 0xFC;
        for (int steps = 0; steps < MaximumEntries && offset >= FirstOffset && offset <= 0xFC; steps++)
        {
            ushort header = space.Read16(address, offset);
            if ((byte)header == id && found < results.Length)
                results[found++] = offset;
            offset = (header >> 8) & 0xFC;
        }
        return found;
    }

    // Offset of the first capability with this id, or 0.
    public static int Find(IPciConfigSpace space, PciAddress address, byte id)
    {
        var one = new int[1];
        return FindAll(space, address, id, one) == 1 ? one[0] : 0;
    }
}
