namespace Uk.Drivers.Pci;

// 8- and 16-bit fields through the 32-bit seam: the configuration mechanism always moves a
// whole aligned dword, so narrower writes read, merge and write it back.
public static class ConfigAccess
{
    public static byte Read8(this IPciConfigSpace space, PciAddress address, int offset) =>
        (byte)(space.Read32(address, offset & ~3) >> ((offset & 3) * 8));

    public static ushort Read16(this IPciConfigSpace space, PciAddress address, int offset) =>
        (ushort)(space.Read32(address, offset & ~3) >> ((offset & 2) * 8));

    public static void Write16(this IPciConfigSpace space, PciAddress address, int offset, ushort value)
    {
        int shift = (offset & 2) * 8;
        uint old = space.Read32(address, offset & ~3);
        uint merged = (old & ~(0xFFFFu << shift)) | ((uint)value << shift);
        space.Write32(address, offset & ~3, merged);
    }
}
