using System.Text;
using Uk.Drivers.FramebufferConsole;

namespace Unikraft.Kernel.Tests.FramebufferConsole;

public sealed class PsfFontTests
{
    [Fact]
    public void TheConsoleFontIsAPsf1FontOf256GlyphsOf8By16()
    {
        PsfFont font = ConsoleFontFile.Load();

        Assert.Equal(256, font.GlyphCount);
        Assert.Equal(8, font.Width);
        Assert.Equal(16, font.Height);
        Assert.Equal(1, font.BytesPerRow);
    }

    [Fact]
    public void ItsUnicodeTableMapsLatinLettersAndLineDrawingAndTheRestShowsAQuestionMark()
    {
        PsfFont font = ConsoleFontFile.Load();
        int question = font.GlyphIndex('?');

        Assert.NotEqual(font.GlyphIndex('A'), font.GlyphIndex('B'));
        Assert.NotEqual(question, font.GlyphIndex('A'));
        Assert.NotEqual(question, font.GlyphIndex('\u00E9'));
        Assert.NotEqual(font.GlyphIndex('e'), font.GlyphIndex('\u00E9'));
        Assert.NotEqual(question, font.GlyphIndex('\u2500'));
        Assert.Equal(question, font.GlyphIndex('\u4E00'));
        // A blank space, an 'I' with ink in its middle rows.
        Assert.All(Enumerable.Range(0, 16), y => Assert.Equal(0, font.GlyphRow(font.GlyphIndex(' '), y)[0]));
        Assert.NotEqual(0, font.GlyphRow(font.GlyphIndex('I'), 8)[0]);
    }

    [Fact]
    public void APsf2FontWithAUtf8TableMapsItsCharactersAndSkipsSequences()
    {
        // Three glyphs 10 pixels wide (2 bytes a row), 4 rows.
        byte[] font = Psf2(width: 10, height: 4, glyphs: 3, table: [
            [(byte)'A', 0xFF],
            [.. Encoding.UTF8.GetBytes("\u00E9"), 0xFE, (byte)'x', .. Encoding.UTF8.GetBytes("\u0301"), 0xFF],
            [.. Encoding.UTF8.GetBytes("\u20AC"), (byte)'?', 0xFF],
        ]);

        PsfFont parsed = PsfFont.Parse(font, out string? error)!;

        Assert.Null(error);
        Assert.Equal(3, parsed.GlyphCount);
        Assert.Equal(10, parsed.Width);
        Assert.Equal(2, parsed.BytesPerRow);
        Assert.Equal(0, parsed.GlyphIndex('A'));
        Assert.Equal(1, parsed.GlyphIndex('\u00E9'));
        Assert.Equal(2, parsed.GlyphIndex('\u20AC'));
        // 'x' is only part of a sequence: it gets the replacement, '?' (glyph 2).
        Assert.Equal(2, parsed.GlyphIndex('x'));
        Assert.Equal([0x12, 0x13], parsed.GlyphRow(1, 1).ToArray());
    }

    [Fact]
    public void APsf1FontWithoutATableShowsCharacterIWithGlyphI()
    {
        byte[] font = new byte[4 + 256 * 8];
        font[0] = 0x36;
        font[1] = 0x04;
        font[2] = 0;
        font[3] = 8;
        font[4 + 65 * 8] = 0x7E;

        PsfFont parsed = PsfFont.Parse(font, out _)!;

        Assert.Equal(65, parsed.GlyphIndex('A'));
        Assert.Equal(0x7E, parsed.GlyphRow(parsed.GlyphIndex('A'), 0)[0]);
    }

    [Fact]
    public void BytesThatAreNoFontOrAreCutShortAreRefusedWithTheReason()
    {
        byte[] real = ConsoleFontFile.ReadBytes();

        Assert.Null(PsfFont.Parse([], out string? empty));
        Assert.Contains("not a PSF font", empty);
        Assert.Null(PsfFont.Parse(Encoding.ASCII.GetBytes("hello, world: no font"), out _));
        Assert.Null(PsfFont.Parse(real.AsSpan(0, 1000), out string? shortGlyphs));
        Assert.Contains("shorter than its 256 glyphs", shortGlyphs);
        Assert.Null(PsfFont.Parse(real.AsSpan(0, 4 + 256 * 16 + 10), out string? shortTable));
        Assert.Contains("Unicode table", shortTable);
        Assert.Null(PsfFont.Parse(Psf2(width: 0, height: 4, glyphs: 1, table: null), out string? badHeader));
        Assert.Contains("PSF2 header", badHeader);
    }

    // A PSF2 font whose glyph i, row y holds bytes (0x10 * i + 2 * y, + 1).
    private static byte[] Psf2(int width, int height, int glyphs, byte[][]? table)
    {
        int bytesPerRow = (width + 7) / 8;
        var data = new List<byte>();
        foreach (uint field in new uint[] { 0x864AB572, 0, 32, table is null ? 0u : 1u, (uint)glyphs, (uint)(bytesPerRow * height), (uint)height, (uint)width })
            data.AddRange(BitConverter.GetBytes(field));
        for (int glyph = 0; glyph < glyphs; glyph++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int b = 0; b < bytesPerRow; b++)
                    data.Add((byte)(0x10 * glyph + 2 * y + b));
            }
        }
        foreach (byte[] entry in table ?? [])
            data.AddRange(entry);
        return data.ToArray();
    }
}
