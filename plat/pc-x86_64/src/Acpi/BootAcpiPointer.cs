using System;

namespace Uk.Plat.PcX86_64.Acpi;

// What kmain learns about ACPI before paging: the boot information and the BIOS data area
// can sit in page 0, which the kernel map leaves out, so the RSDP copy and the EBDA segment
// are kept here. Primitive statics only: GC statics do not exist yet when kmain calls this.
public static unsafe class BootAcpiPointer
{
    private const ulong EbdaSegmentAddress = 0x40E;

    private static RsdpBytes s_copy;
    private static int s_copyLength;
    private static ulong s_address;
    private static ushort s_ebdaSegment;

    public static ulong Address => s_address;

    public static ushort EbdaSegment => s_ebdaSegment;

    public static ReadOnlySpan<byte> Copy
    {
        get
        {
            fixed (byte* bytes = s_copy.Bytes)
                return new ReadOnlySpan<byte>(bytes, s_copyLength);
        }
    }

    // copy: the boot loader's copy of the RSDP (or null); address: a pointer to it (or 0).
    // Under UEFI 0x40E holds no segment, which the scan's range and checksum checks survive.
    public static void Record(byte* copy, int copyLength, ulong address)
    {
        if (copy != null)
        {
            s_copyLength = copyLength < Rsdp.Version2Length ? copyLength : Rsdp.Version2Length;
            for (int i = 0; i < s_copyLength; i++)
                s_copy.Bytes[i] = copy[i];
        }
        s_address = address;
        s_ebdaSegment = *(ushort*)EbdaSegmentAddress;
    }

    private struct RsdpBytes
    {
        public fixed byte Bytes[Rsdp.Version2Length];
    }
}
