namespace Uk.Drivers.Virtio;

// Feature bits common to every device type (device-specific ones live with their drivers).
public static class VirtioFeatures
{
    public const ulong RingIndirectDescriptors = 1UL << 28;
    public const ulong RingEventIndex = 1UL << 29;
    public const ulong Version1 = 1UL << 32;
    public const ulong AccessPlatform = 1UL << 33;
}
