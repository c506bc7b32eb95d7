namespace Uk.Drivers.FramebufferConsole;

// How a direct-colour framebuffer stores a pixel: its size and where each 8-bit channel goes
// (the positions and sizes the boot loader reports; a channel narrower than 8 bits keeps its
// high bits).
public readonly struct PixelFormat
{
    public PixelFormat(int bitsPerPixel, int redShift, int redBits, int greenShift, int greenBits, int blueShift, int blueBits)
    {
        BitsPerPixel = bitsPerPixel;
        RedShift = redShift;
        RedBits = redBits;
        GreenShift = greenShift;
        GreenBits = greenBits;
        BlueShift = blueShift;
        BlueBits = blueBits;
    }

    // The usual 32- and 24-bit layout: blue in the lowest byte.
    public static PixelFormat Bgr(int bitsPerPixel) => new PixelFormat(bitsPerPixel, 16, 8, 8, 8, 0, 8);

    public int BitsPerPixel { get; }

    public int BytesPerPixel => (BitsPerPixel + 7) / 8;

    public int RedShift { get; }

    public int RedBits { get; }

    public int GreenShift { get; }

    public int GreenBits { get; }

    public int BlueShift { get; }

    public int BlueBits { get; }

    // 15, 16, 24 and 32 bits per pixel are drawn; others (palette modes) are not.
    public bool IsSupported =>
        BitsPerPixel is 15 or 16 or 24 or 32
        && Fits(RedShift, RedBits) && Fits(GreenShift, GreenBits) && Fits(BlueShift, BlueBits);

    public uint Encode(uint rgb) =>
        Channel((byte)(rgb >> 16), RedShift, RedBits) | Channel((byte)(rgb >> 8), GreenShift, GreenBits) | Channel((byte)rgb, BlueShift, BlueBits);

    private bool Fits(int shift, int bits) => bits is > 0 and <= 8 && shift >= 0 && shift + bits <= BytesPerPixel * 8;

    private static uint Channel(byte value, int shift, int bits) => (uint)(value >> (8 - bits)) << shift;
}
