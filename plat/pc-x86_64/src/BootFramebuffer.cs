namespace Uk.Plat.PcX86_64;

// The linear framebuffer the boot loader set up: a copy of multiboot2's framebuffer info
// tag (type 8), kept for the framebuffer console. kmain only copies the bytes (before GC
// statics exist, and so that images without fbcons carry no parsing code); the properties
// read the fields. Absent after a PVH boot, a loader that kept VGA text mode, or a mode
// that is not direct RGB colour.
public static unsafe class BootFramebuffer
{
    // The tag through its colour fields: type, size, address, pitch, width, height, bits
    // per pixel, kind, reserved, then red, green and blue position and size.
    private const int TagLength = 38;
    private const byte DirectRgb = 1;

    private static TagBytes s_tag;

    public static bool Present => s_tag.Bytes[29] == DirectRgb && Address != 0;

    public static ulong Address => Read64(8);

    // Bytes from one row of pixels to the next.
    public static uint Pitch => Read32(16);

    public static uint Width => Read32(20);

    public static uint Height => Read32(24);

    public static byte BitsPerPixel => s_tag.Bytes[28];

    public static byte RedShift => s_tag.Bytes[32];

    public static byte RedBits => s_tag.Bytes[33];

    public static byte GreenShift => s_tag.Bytes[34];

    public static byte GreenBits => s_tag.Bytes[35];

    public static byte BlueShift => s_tag.Bytes[36];

    public static byte BlueBits => s_tag.Bytes[37];

    // tag: the boot information's framebuffer tag, or null.
    internal static void Record(byte* tag)
    {
        if (tag == null || *(uint*)(tag + 4) < TagLength)
            return;
        for (int i = 0; i < TagLength; i++)
            s_tag.Bytes[i] = tag[i];
    }

    private static uint Read32(int offset)
    {
        fixed (byte* bytes = s_tag.Bytes)
            return *(uint*)(bytes + offset);
    }

    private static ulong Read64(int offset)
    {
        fixed (byte* bytes = s_tag.Bytes)
            return *(ulong*)(bytes + offset);
    }

    private struct TagBytes
    {
        public fixed byte Bytes[TagLength];
    }
}
