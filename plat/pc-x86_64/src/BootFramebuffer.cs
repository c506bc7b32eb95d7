namespace Uk.Plat.PcX86_64;

// The linear framebuffer the boot loader set up (multiboot2's framebuffer info tag), kept
// for the framebuffer console. Primitive statics only: kmain records it before GC statics
// exist. Address 0 means none: a PVH boot, a loader that kept VGA text mode, or a mode
// that is not direct RGB colour.
public static class BootFramebuffer
{
    private static ulong s_address;
    private static uint s_pitch;
    private static uint s_width;
    private static uint s_height;
    private static byte s_bitsPerPixel;
    private static byte s_redShift;
    private static byte s_greenShift;
    private static byte s_blueShift;
    private static byte s_redBits;
    private static byte s_greenBits;
    private static byte s_blueBits;

    public static bool Present => s_address != 0;

    public static ulong Address => s_address;

    // Bytes from one row of pixels to the next.
    public static uint Pitch => s_pitch;

    public static uint Width => s_width;

    public static uint Height => s_height;

    public static byte BitsPerPixel => s_bitsPerPixel;

    public static byte RedShift => s_redShift;

    public static byte GreenShift => s_greenShift;

    public static byte BlueShift => s_blueShift;

    public static byte RedBits => s_redBits;

    public static byte GreenBits => s_greenBits;

    public static byte BlueBits => s_blueBits;

    internal static void Record(ulong address, uint pitch, uint width, uint height, byte bitsPerPixel,
        byte redShift, byte redBits, byte greenShift, byte greenBits, byte blueShift, byte blueBits)
    {
        s_address = address;
        s_pitch = pitch;
        s_width = width;
        s_height = height;
        s_bitsPerPixel = bitsPerPixel;
        s_redShift = redShift;
        s_redBits = redBits;
        s_greenShift = greenShift;
        s_greenBits = greenBits;
        s_blueShift = blueShift;
        s_blueBits = blueBits;
    }
}
