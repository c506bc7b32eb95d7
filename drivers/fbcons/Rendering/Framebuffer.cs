using System;
using System.Runtime.InteropServices;

namespace Uk.Drivers.FramebufferConsole;

// A linear framebuffer: Height rows of Width pixels, Pitch bytes apart.
public sealed class Framebuffer
{
    public Framebuffer(PixelMemory memory, int width, int height, int pitch, PixelFormat format)
    {
        Memory = memory;
        Width = width;
        Height = height;
        Pitch = pitch;
        Format = format;
    }

    public PixelMemory Memory { get; }

    public int Width { get; }

    public int Height { get; }

    public int Pitch { get; }

    public PixelFormat Format { get; }

    // Whether it can be drawn: a direct-colour format, and rows that hold their pixels.
    public bool IsUsable =>
        Format.IsSupported && Width > 0 && Height > 0 && Pitch >= Width * Format.BytesPerPixel;

    // Paints a rectangle in one colour (an encoded pixel value).
    public void Fill(int x, int y, int width, int height, uint pixel)
    {
        Span<byte> bytes = Memory.Bytes;
        int size = Format.BytesPerPixel;
        for (int row = y; row < y + height; row++)
        {
            Span<byte> line = bytes.Slice(row * Pitch + x * size, width * size);
            if (size == 4)
            {
                MemoryMarshal.Cast<byte, uint>(line).Fill(pixel);
                continue;
            }
            for (int offset = 0; offset < line.Length; offset += size)
                Store(line, offset, pixel, size);
        }
    }

    internal static void Store(Span<byte> line, int offset, uint pixel, int size)
    {
        line[offset] = (byte)pixel;
        if (size > 1)
            line[offset + 1] = (byte)(pixel >> 8);
        if (size > 2)
            line[offset + 2] = (byte)(pixel >> 16);
        if (size > 3)
            line[offset + 3] = (byte)(pixel >> 24);
    }
}
