using Uk.Drivers.FramebufferConsole;

namespace Unikraft.Boot.Tests;

// Reads a framebuffer console's screen back as text: each character cell of a screendump is
// matched, pixel for pixel, against the glyphs of the font fbcons draws with (printable
// ASCII); the cell's background is its top-left pixel (fbcons's glyphs leave it clear). A
// cell no glyph matches (the cursor's, a colour change inside a cell) reads as '\0'.
internal static class ScreenText
{
    public static string[] Read(ScreenDump dump, PsfFont font)
    {
        var glyphs = new Dictionary<string, char>(StringComparer.Ordinal);
        for (char c = ' '; c < (char)0x7F; c++)
            glyphs.TryAdd(Shape(font, font.GlyphIndex(c)), c);

        int columns = dump.Width / font.Width, rows = dump.Height / font.Height;
        var text = new string[rows];
        var cell = new char[font.Width * font.Height];
        for (int row = 0; row < rows; row++)
        {
            var line = new char[columns];
            for (int column = 0; column < columns; column++)
            {
                int left = column * font.Width, top = row * font.Height;
                uint background = dump.PixelAt(left, top);
                for (int y = 0; y < font.Height; y++)
                {
                    for (int x = 0; x < font.Width; x++)
                        cell[y * font.Width + x] = dump.PixelAt(left + x, top + y) == background ? '.' : '#';
                }
                line[column] = glyphs.GetValueOrDefault(new string(cell), '\0');
            }
            text[row] = new string(line).TrimEnd(' ', '\0');
        }
        return text;
    }

    // A glyph as '#' (ink) and '.' (background), row by row, most significant bit leftmost.
    private static string Shape(PsfFont font, int glyph)
    {
        var shape = new char[font.Width * font.Height];
        for (int y = 0; y < font.Height; y++)
        {
            ReadOnlySpan<byte> bits = font.GlyphRow(glyph, y);
            for (int x = 0; x < font.Width; x++)
                shape[y * font.Width + x] = (bits[x / 8] & (0x80 >> (x % 8))) != 0 ? '#' : '.';
        }
        return new string(shape);
    }
}
