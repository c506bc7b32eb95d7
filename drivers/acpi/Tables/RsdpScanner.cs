using System;

namespace Uk.Drivers.Acpi;

// Finds the RSDP the way BIOS firmware publishes it: on a 16-byte boundary in the first KiB
// of the Extended BIOS Data Area, or in the BIOS ROM area 0xE0000-0xFFFFF.
public static class RsdpScanner
{
    public const ulong BiosAreaStart = 0xE0000;
    public const ulong BiosAreaEnd = 0x100000;
    private const ulong EbdaScanLength = 1024;
    private const ulong LowMemoryEnd = 0xA0000;

    // ebdaSegment: the real-mode segment the BIOS data area keeps at 0x40E (0 if unknown).
    public static bool TryFind(IPhysicalBytes memory, ushort ebdaSegment, out ulong address, out Rsdp rsdp)
    {
        ulong ebda = (ulong)ebdaSegment << 4;
        if (ebda >= 0x1000 && ebda < LowMemoryEnd && Scan(memory, ebda, ebda + EbdaScanLength, out address, out rsdp))
            return true;
        return Scan(memory, BiosAreaStart, BiosAreaEnd, out address, out rsdp);
    }

    private static bool Scan(IPhysicalBytes memory, ulong start, ulong end, out ulong address, out Rsdp rsdp)
    {
        Span<byte> signature = stackalloc byte[8];
        for (address = start; address + Rsdp.Version1Length <= end; address += 16)
        {
            if (memory.TryRead(address, signature) && Rsdp.HasSignature(signature)
                && Rsdp.Read(memory, address, out rsdp) == AcpiStatus.Found)
                return true;
        }
        address = 0;
        rsdp = default;
        return false;
    }
}
