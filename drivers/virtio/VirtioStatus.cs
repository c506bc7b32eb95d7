namespace Uk.Drivers.Virtio;

// Device status bits, written by the driver as initialisation proceeds.
public static class VirtioStatus
{
    public const byte Acknowledge = 1;
    public const byte Driver = 2;
    public const byte DriverOk = 4;
    public const byte FeaturesOk = 8;
    public const byte NeedsReset = 64;
    public const byte Failed = 128;
}
