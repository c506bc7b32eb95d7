namespace Uk.Drivers.Pci;

// Offsets and bits of the type 0 configuration header used here.
public static class PciRegisters
{
    public const int VendorId = 0x00;
    public const int DeviceId = 0x02;
    public const int Command = 0x04;
    public const int Status = 0x06;
    public const int RevisionAndClass = 0x08;
    public const int HeaderType = 0x0E;
    public const int Bar0 = 0x10;
    public const int SubsystemId = 0x2E;
    public const int CapabilitiesPointer = 0x34;
    public const int InterruptLine = 0x3C;
    public const int InterruptPin = 0x3D;

    public const ushort CommandIoSpace = 1 << 0;
    public const ushort CommandMemorySpace = 1 << 1;
    public const ushort CommandBusMaster = 1 << 2;
    public const ushort CommandInterruptDisable = 1 << 10;

    public const ushort StatusCapabilities = 1 << 4;

    public const byte HeaderMultiFunction = 0x80;
    public const byte HeaderTypeMask = 0x7F;

    public const ushort NoDevice = 0xFFFF;
}
