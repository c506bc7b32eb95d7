using Uk.Core;
using Uk.Plat.PcX86_64;

namespace Uk.Drivers.FramebufferConsole;

public static class FramebufferConsoleLibrary
{
    public static void Initialize()
    {
        if (!BootFramebuffer.Present)
        {
            // Said once, on the consoles listed before this one (a PVH boot, or a boot loader
            // that left text mode): the image runs on without a screen console.
            Log.Warn("fbcons: the boot loader set up no framebuffer (PVH boot, or a text mode); the screen stays as it is");
            return;
        }
        var format = new PixelFormat(BootFramebuffer.BitsPerPixel, BootFramebuffer.RedShift, BootFramebuffer.RedBits,
            BootFramebuffer.GreenShift, BootFramebuffer.GreenBits, BootFramebuffer.BlueShift, BootFramebuffer.BlueBits);
        long length = (long)BootFramebuffer.Pitch * BootFramebuffer.Height;
        // Nothing is read or written before the checks and the mapping below.
        var framebuffer = new Framebuffer(new VideoMemory(BootFramebuffer.Address, length <= int.MaxValue ? (int)length : 0),
            (int)BootFramebuffer.Width, (int)BootFramebuffer.Height, (int)BootFramebuffer.Pitch, format);
        if (!framebuffer.IsUsable || length > int.MaxValue)
        {
            Log.Warn("fbcons: the framebuffer's mode (" + Describe() + ") is not one it draws (15, 16, 24 or 32 bits per pixel, direct colour)");
            return;
        }
        if (!MapVideoMemory(BootFramebuffer.Address, (ulong)length))
        {
            Log.Warn("fbcons: the framebuffer at 0x" + BootFramebuffer.Address.ToString("X") + " could not be mapped");
            return;
        }
        PsfFont? font = PsfFont.Parse(ConsoleFont.Psf, out string? error);
        if (font is null)
        {
            Log.Warn("fbcons: the built-in console font does not load: " + error);
            return;
        }
        if (framebuffer.Width < font.Width || framebuffer.Height < font.Height)
        {
            Log.Warn("fbcons: the framebuffer (" + Describe() + ") is smaller than one character");
            return;
        }
        int color = FramebufferConsoleOptions.Color;
        if (color is < 0 or > 0xFF)
        {
            Log.Warn("fbcons: color " + color.ToString() + " is no text attribute (0x00 to 0xFF: background << 4 | foreground); grey on black instead");
            color = 0x07;
        }
        var screen = new TextScreen(framebuffer, font, color);
        screen.Clear();
        Consoles.Register(new FramebufferConsoleDevice(screen));
        Log.Info("fbcons: " + Describe() + ", " + screen.Columns.ToString() + "x" + screen.Rows.ToString() + " characters");
    }

    // Video memory is device memory: mapped uncached (the page tables offer no write-combining
    // type), which also covers a framebuffer above the 4 GiB the boot map holds.
    private static bool MapVideoMemory(ulong address, ulong length)
    {
        const ulong PageSize = 4096;
        ulong start = address & ~(PageSize - 1);
        ulong end = (address + length + PageSize - 1) & ~(PageSize - 1);
        IAddressSpace? space = Kernel.AddressSpace;
        return space is not null && space.Map(start, start, end - start, PageRights.Writable | PageRights.CacheDisabled);
    }

    private static string Describe() =>
        BootFramebuffer.Width.ToString() + "x" + BootFramebuffer.Height.ToString() + "x" + BootFramebuffer.BitsPerPixel.ToString()
        + " at 0x" + BootFramebuffer.Address.ToString("X");
}
