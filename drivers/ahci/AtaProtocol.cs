namespace Uk.Drivers.Ahci;

// The ATA commands this driver sends (ATA8-ACS) and the layouts the HBA reads from memory:
// the host-to-device register FIS (SATA 3.x, 10.3.4), the 32-byte command header, the
// command table with its physical region descriptors, and the received-FIS area (AHCI 1.3.1,
// 4.2).
public static class AtaProtocol
{
    public const byte IdentifyDevice = 0xEC;
    public const byte ReadDmaExt = 0x25;
    public const byte WriteDmaExt = 0x35;
    public const byte FlushCacheExt = 0xEA;
    public const byte FlushCache = 0xE7;

    public const byte FisTypeHostToDevice = 0x27;
    // Byte 1 bit 7: the FIS carries a command (not a device control update).
    public const byte FisCommandBit = 0x80;
    // Device register bit 6: the LBA fields hold a logical block address.
    public const byte DeviceLba = 0x40;
    public const int HostToDeviceFisDwords = 5;

    public const int CommandHeaderBytes = 32;
    public const int CommandListBytes = 32 * CommandHeaderBytes;
    public const int ReceivedFisBytes = 256;
    // Command FIS (64), ATAPI command (16), reserved (48), then the PRDT.
    public const int CommandTableHeaderBytes = 0x80;
    public const int PrdEntryBytes = 16;
    // A region descriptor's byte count is 22 bits (count - 1): at most 4 MiB, and even.
    public const int PrdMaximumBytes = 4 * 1024 * 1024;

    // Command header DW0.
    public const uint HeaderWrite = 1u << 6;
    public const int HeaderPrdCountShift = 16;
    // PRD DW3 bit 31: interrupt when this region is done.
    public const uint PrdInterrupt = 1u << 31;

    public const int IdentifyBytes = 512;
    // A count of 0 in a 48-bit command means 65536 sectors.
    public const int MaximumSectorsPerCommand = 65536;
}
