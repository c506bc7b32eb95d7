namespace Uk.Drivers.FramebufferConsole;

// The 16 colours of a VGA text attribute (background << 4 | foreground), as 0xRRGGBB: the
// same attribute shows the same colours on vgacons and fbcons.
public static class ConsolePalette
{
    private static readonly uint[] s_colours = new uint[]
    {
        0x000000, 0x0000AA, 0x00AA00, 0x00AAAA, 0xAA0000, 0xAA00AA, 0xAA5500, 0xAAAAAA,
        0x555555, 0x5555FF, 0x55FF55, 0x55FFFF, 0xFF5555, 0xFF55FF, 0xFFFF55, 0xFFFFFF,
    };

    public static uint Foreground(int attribute) => s_colours[attribute & 0x0F];

    public static uint Background(int attribute) => s_colours[(attribute >> 4) & 0x0F];
}
