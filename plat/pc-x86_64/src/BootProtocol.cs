namespace Uk.Plat.PcX86_64;

internal static class BootProtocol
{
    // What eax holds on entry: GRUB's multiboot2 magic, or the PVH stub's own marker.
    public const uint Multiboot2Magic = 0x36D76289;
    public const uint PvhMagic = 0x336EC578;
}
