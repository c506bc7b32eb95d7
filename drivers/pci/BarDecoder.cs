namespace Uk.Drivers.Pci;

// Reads the six BARs of a type 0 header and sizes them the standard way: write all ones,
// read back which address bits stick, restore. Decoding is turned off meanwhile so the
// device does not answer at a half-written address.
public static class BarDecoder
{
    public const int BarCount = 6;

    private const uint IoFlag = 0x1;
    private const uint MemoryTypeMask = 0x6;
    private const uint MemoryType64 = 0x4;
    private const uint PrefetchableFlag = 0x8;

    public static PciBar[] ReadAll(IPciConfigSpace space, PciAddress address)
    {
        var bars = new PciBar[BarCount];
        ushort command = space.Read16(address, PciRegisters.Command);
        space.Write16(address, PciRegisters.Command, (ushort)(command & ~(PciRegisters.CommandIoSpace | PciRegisters.CommandMemorySpace)));
        for (int i = 0; i < BarCount; i++)
        {
            int offset = PciRegisters.Bar0 + i * 4;
            uint low = space.Read32(address, offset);
            if ((low & IoFlag) != 0)
            {
                uint mask = Probe(space, address, offset, low) & ~0x3u;
                // I/O BARs decode 16 bits of address on x86; the upper bits read back as zero on some devices.
                mask |= 0xFFFF0000u;
                ulong size = mask == 0xFFFF0000u ? 0 : (ulong)(~mask + 1);
                bars[i] = size == 0 ? default : new PciBar(PciBarKind.Io, low & ~0x3u, size, false);
                continue;
            }
            bool prefetchable = (low & PrefetchableFlag) != 0;
            if ((low & MemoryTypeMask) == MemoryType64 && i + 1 < BarCount)
            {
                uint high = space.Read32(address, offset + 4);
                uint maskLow = Probe(space, address, offset, low) & ~0xFu;
                uint maskHigh = Probe(space, address, offset + 4, high);
                ulong mask = ((ulong)maskHigh << 32) | maskLow;
                ulong size = mask == 0 ? 0 : ~mask + 1;
                ulong baseAddress = ((ulong)high << 32) | (low & ~0xFu);
                bars[i] = size == 0 ? default : new PciBar(PciBarKind.Memory64, baseAddress, size, prefetchable);
                i++;
                continue;
            }
            uint mask32 = Probe(space, address, offset, low) & ~0xFu;
            ulong size32 = mask32 == 0 ? 0 : (ulong)(~mask32 + 1);
            bars[i] = size32 == 0 ? default : new PciBar(PciBarKind.Memory32, low & ~0xFu, size32, prefetchable);
        }
        space.Write16(address, PciRegisters.Command, command);
        return bars;
    }

    private static uint Probe(IPciConfigSpace space, PciAddress address, int offset, uint original)
    {
        space.Write32(address, offset, 0xFFFFFFFFu);
        uint mask = space.Read32(address, offset);
        space.Write32(address, offset, original);
        return mask;
    }
}
