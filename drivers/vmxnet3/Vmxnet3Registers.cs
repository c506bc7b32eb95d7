namespace Uk.Drivers.Vmxnet3;

// Register offsets, commands and bits of VMXNET3 revision 1 (VMware's published
// vmxnet3_defs.h), only those this driver uses.
public static class Vmxnet3Registers
{
    // BAR 0, one 8-byte slot per interrupt.
    public const int InterruptMask = 0x000;
    public const int TransmitProducer = 0x600;
    public const int ReceiveProducer = 0x800;

    // BAR 1.
    public const int Revision = 0x00;
    public const int UptVersion = 0x08;
    public const int SharedLow = 0x10;
    public const int SharedHigh = 0x18;
    public const int Command = 0x20;
    public const int MacLow = 0x28;
    public const int MacHigh = 0x30;
    public const int InterruptCause = 0x38;
    public const int EventCause = 0x40;

    public const uint CommandActivate = 0xCAFE0000;
    public const uint CommandReset = 0xCAFE0002;
    public const uint CommandUpdateReceiveMode = 0xCAFE0003;
    public const uint CommandGetLink = 0xF00D0002;

    public const uint LinkUp = 1;
    public const uint EventLink = 1u << 2;
}
