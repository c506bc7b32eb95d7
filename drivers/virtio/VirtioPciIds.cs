namespace Uk.Drivers.Virtio;

// Virtio PCI functions: vendor 0x1AF4; transitional (legacy-capable) devices use device ids
// 0x1000-0x103F, modern-only ones 0x1040 + the virtio device type.
public static class VirtioPciIds
{
    public const ushort Vendor = 0x1AF4;
    public const ushort ModernBase = 0x1040;

    public const int TypeNetwork = 1;
    public const int TypeBlock = 2;
    public const int TypeEntropy = 4;

    public static ushort Modern(int deviceType) => (ushort)(ModernBase + deviceType);

    // The transitional id of a device type, where virtio 1.x lists one.
    public static ushort Transitional(int deviceType) => deviceType switch
    {
        TypeNetwork => 0x1000,
        TypeBlock => 0x1001,
        TypeEntropy => 0x1005,
        _ => 0,
    };
}
