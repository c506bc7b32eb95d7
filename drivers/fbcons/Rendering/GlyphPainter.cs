using System;
using System.Runtime.InteropServices;

namespace Uk.Drivers.FramebufferConsole;

// Draws a font's glyphs into a framebuffer, one text cell at a time. Each pixel is stored
// once (video memory may be uncached: every store is a bus transaction), and each glyph
// byte is read once: under QEMU's TCG every instruction of this loop counts.
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
        ReadOnlySpan<byte> bits = _font.Glyph(glyph);
        int size = _framebuffer.Format.BytesPerPixel;
        int pitch = _framebuffer.Pitch;
        if (size == 4 && pitch % 4 == 0)
            DrawWhole(MemoryMarshal.Cast<byte, uint>(bytes), pitch / 4, bits, x, y, foreground, background);
        else
            DrawBytes(bytes, pitch, size, bits, x, y, foreground, background);
    }

    // 32-bit pixels in rows a whole number of pixels apart: one store per pixel.
    private void DrawWhole(Span<uint> pixels, int stride, ReadOnlySpan<byte> bits, int x, int y, uint foreground, uint background)
    {
        int width = _font.Width;
        int bytesPerRow = _font.BytesPerRow;
        for (int row = 0; row < _font.Height; row++)
        {
            int start = (y + row) * stride + x;
            for (int column = 0; column < width; column += 8)
            {
                int pattern = bits[row * bytesPerRow + (column >> 3)];
                int end = column + 8 < width ? column + 8 : width;
                for (int pixel = column; pixel < end; pixel++, pattern <<= 1)
                    pixels[start + pixel] = (pattern & 0x80) != 0 ? foreground : background;
            }
        }
    }

    // Any other layout (24 and 16 bits, odd pitches): byte by byte.
    private void DrawBytes(Span<byte> bytes, int pitch, int size, ReadOnlySpan<byte> bits, int x, int y, uint foreground, uint background)
    {
        int width = _font.Width;
        int bytesPerRow = _font.BytesPerRow;
        for (int row = 0; row < _font.Height; row++)
        {
            Span<byte> line = bytes.Slice((y + row) * pitch + x * size, width * size);
            for (int column = 0; column < width; column += 8)
            {
                int pattern = bits[row * bytesPerRow + (column >> 3)];
                int end = column + 8 < width ? column + 8 : width;
                for (int pixel = column; pixel < end; pixel++, pattern <<= 1)
                    Framebuffer.Store(line, pixel * size, (pattern & 0x80) != 0 ? foreground : background, size);
            }
        }
    }
}
