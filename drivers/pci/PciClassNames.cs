namespace Uk.Drivers.Pci;

// Human names for the class codes a PC commonly shows, for the boot listing.
public static class PciClassNames
{
    public static string Describe(int classCode, int subclass)
    {
        switch ((classCode << 8) | subclass)
        {
            case 0x0100: return "SCSI controller";
            case 0x0101: return "IDE controller";
            case 0x0106: return "SATA controller";
            case 0x0108: return "NVMe controller";
            case 0x0600: return "host bridge";
            case 0x0601: return "ISA bridge";
            case 0x0604: return "PCI bridge";
            case 0x0C03: return "USB controller";
            case 0x0C05: return "SMBus controller";
        }
        switch (classCode)
        {
            case 0x00: return "unclassified device";
            case 0x01: return "storage controller";
            case 0x02: return "network controller";
            case 0x03: return "display controller";
            case 0x04: return "multimedia device";
            case 0x06: return "bridge";
            default: return "device";
        }
    }
}
