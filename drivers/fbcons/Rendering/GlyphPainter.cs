using System;
using System.Runtime.InteropServices;

namespace Uk.Drivers.FramebufferConsole;

// Draws a font's glyphs into a framebuffer, one text cell at a time.
public sealed class GlyphPainter
{
    private readonly Framebuffer _framebuffer;
    private readonly PsfFont _font;

    public GlyphPainter(Framebuffer framebuffer, PsfFont font)
    {
        _framebuffer = framebuffer;
        _font = font;
    }

    // Draws glyph index with its top-left corner at pixel (x, y); set bits get foreground,
    // the rest background (encoded pixel values).
    public void Draw(int glyph, int x, int y, uint foreground, uint background)
    {
        Span<byte> bytes = _framebuffer.Memory.Bytes;
        int size = _framebuffer.Format.BytesPerPixel;
        int width = _font.Width;
        for (int row = 0; row < _font.Height; row++)
        {
            ReadOnlySpan<byte> bits = _font.GlyphRow(glyph, row);
            Span<byte> line = bytes.Slice((y + row) * _framebuffer.Pitch + x * size, width * size);
            // 32-bit pixels are stored whole: one store each, where video memory is
            // uncached and every store is a bus transaction.
            if (size == 4)
            {
                Span<uint> pixels = MemoryMarshal.Cast<byte, uint>(line);
                for (int column = 0; column < width; column++)
                    pixels[column] = IsSet(bits, column) ? foreground : background;
                continue;
            }
            for (int column = 0; column < width; column++)
                Framebuffer.Store(line, column * size, IsSet(bits, column) ? foreground : background, size);
        }
    }

    private static bool IsSet(ReadOnlySpan<byte> bits, int column) => (bits[column >> 3] & (0x80 >> (column & 7))) != 0;
}
