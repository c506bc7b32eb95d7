using Uk.Drivers.FramebufferConsole;

namespace Unikraft.Kernel.Tests.FramebufferConsole;

// The console over a fake framebuffer (a byte array), read back pixel by pixel.
public sealed class TextScreenTests
{
    private const uint Grey = 0xAAAAAA;
    private const uint Black = 0x000000;
    private static readonly PsfFont Font = ConsoleFontFile.Load();

    [Fact]
    public void TheGridComesFromTheModeSizeAndTheFont()
    {
        TextScreen screen = NewScreen(1024, 768, out _);

        Assert.Equal(128, screen.Columns);
        Assert.Equal(48, screen.Rows);
    }

    [Fact]
    public void ACharacterIsItsGlyphInTheForegroundOnTheBackground()
    {
        TextScreen screen = NewScreen(80, 48, out Framebuffer framebuffer);

        // Letters that are no mirror image of themselves: a glyph drawn backwards fails.
        screen.Write("Fb");

        AssertCellShows(framebuffer, 0, 0, 'F', Grey, Black);
        AssertCellShows(framebuffer, 0, 1, 'b', Grey, Black);
        Assert.Equal((0, 2), (screen.Row, screen.Column));
    }

    [Fact]
    public void TheCursorIsAnUnderlineThatMovesWithTheTextAndLeavesNothingBehind()
    {
        TextScreen screen = NewScreen(80, 48, out Framebuffer framebuffer);

        screen.Write("ab");
        Assert.True(HasUnderline(framebuffer, 0, 2, Grey));

        screen.Write("c\n");
        AssertCellShows(framebuffer, 0, 2, 'c', Grey, Black);
        Assert.False(HasUnderline(framebuffer, 0, 2, Grey));
        Assert.True(HasUnderline(framebuffer, 1, 0, Grey));

        // A full line: the cursor waits on its last column.
        screen.Write("0123456789");
        AssertCellShows(framebuffer, 1, 0, '0', Grey, Black);
        Assert.True(HasUnderline(framebuffer, 1, 9, Grey));
    }

    [Fact]
    public void ControlCharactersMoveTheCursor()
    {
        TextScreen screen = NewScreen(160, 64, out _);

        screen.Write("ab\bc\nxyz\rX\nq\tt\n\t\tend");

        Assert.Equal("ac", RowText(screen, 0));
        Assert.Equal("Xyz", RowText(screen, 1));
        Assert.Equal("q       t", RowText(screen, 2));
        Assert.Equal("                end", RowText(screen, 3));
    }

    [Fact]
    public void AFullLineWrapsAtTheNextCharacterSoItsNewLineAddsNoBlankRow()
    {
        TextScreen screen = NewScreen(80, 64, out _);

        screen.Write("0123456789\nabcdefghijKL");

        Assert.Equal("0123456789", RowText(screen, 0));
        Assert.Equal("abcdefghij", RowText(screen, 1));
        Assert.Equal("KL", RowText(screen, 2));
    }

    [Fact]
    public void ScrollingShowsTheSameScreenAsDrawingTheLastRowsAfresh()
    {
        TextScreen scrolled = NewScreen(80, 48, out Framebuffer scrolledPixels);
        TextScreen fresh = NewScreen(80, 48, out Framebuffer freshPixels);

        scrolled.Write("one\ntwo\nthree\n");
        scrolled.Write("four\nfive");
        fresh.Write("three\nfour\nfive");

        Assert.Equal(["three", "four", "five"], [RowText(scrolled, 0), RowText(scrolled, 1), RowText(scrolled, 2)]);
        Assert.Equal(Bytes(freshPixels), Bytes(scrolledPixels));
        Assert.Equal((2, 4), (scrolled.Row, scrolled.Column));
    }

    [Fact]
    public void TheAttributeGivesTheColoursAndClearPaintsTheMarginsToo()
    {
        // 84 pixels: 10 columns and a 4-pixel margin on the right.
        TextScreen screen = NewScreen(84, 40, out Framebuffer framebuffer, attribute: 0x1E);

        screen.Write("R");

        AssertCellShows(framebuffer, 0, 0, 'R', 0xFFFF55, 0x0000AA);
        Assert.Equal(0x0000AAu, PixelAt(framebuffer, 83, 39));
        Assert.Equal(0x1E, screen.AttributeAt(0, 0));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(16)]
    public void NarrowerPixelsAreDrawnInTheirOwnLayout(int bitsPerPixel)
    {
        PixelFormat format = bitsPerPixel == 24 ? PixelFormat.Bgr(24) : new PixelFormat(16, 11, 5, 5, 6, 0, 5);
        // Rows padded past their pixels: the padding is left alone.
        int pitch = 80 * format.BytesPerPixel + 6;
        byte[] bytes = new byte[pitch * 32];
        Array.Fill(bytes, (byte)0x5A);
        var framebuffer = new Framebuffer(new ArrayPixelMemory(bytes), 80, 32, pitch, format);
        var screen = new TextScreen(framebuffer, Font, 0x0F);
        screen.Clear();

        screen.Write("q");

        AssertCellShows(framebuffer, 0, 0, 'q', 0xFFFFFF, Black);
        Assert.All(Enumerable.Range(0, 32), y => Assert.Equal(0x5A, bytes[y * pitch + pitch - 1]));
    }

    [Fact]
    public void PixelFormatsEncodeChannelsAtTheirPositions()
    {
        Assert.Equal(0x00123456u, PixelFormat.Bgr(32).Encode(0x123456));
        Assert.Equal(0xF800u, new PixelFormat(16, 11, 5, 5, 6, 0, 5).Encode(0xFF0000));
        Assert.Equal(0x07E0u, new PixelFormat(16, 11, 5, 5, 6, 0, 5).Encode(0x00FF00));
        Assert.Equal(0x00563412u, new PixelFormat(32, 0, 8, 8, 8, 16, 8).Encode(0x123456));
        Assert.False(new PixelFormat(8, 0, 3, 3, 3, 6, 2).IsSupported);
        Assert.False(new PixelFormat(32, 28, 8, 8, 8, 0, 8).IsSupported);
    }

    private static TextScreen NewScreen(int width, int height, out Framebuffer framebuffer, int attribute = 0x07)
    {
        framebuffer = new Framebuffer(new ArrayPixelMemory(new byte[width * height * 4]), width, height, width * 4, PixelFormat.Bgr(32));
        var screen = new TextScreen(framebuffer, Font, attribute);
        screen.Clear();
        return screen;
    }

    private static string RowText(TextScreen screen, int row) =>
        new string(Enumerable.Range(0, screen.Columns).Select(column => screen.CharacterAt(row, column)).ToArray()).TrimEnd();

    // The bottom two pixel rows of a cell all in the colour.
    private static bool HasUnderline(Framebuffer framebuffer, int row, int column, uint colour) =>
        Enumerable.Range(0, Font.Width).All(x =>
            PixelAt(framebuffer, column * Font.Width + x, row * Font.Height + Font.Height - 1) == colour
            && PixelAt(framebuffer, column * Font.Width + x, row * Font.Height + Font.Height - 2) == colour);

    private static byte[] Bytes(Framebuffer framebuffer) => framebuffer.Memory.Bytes.ToArray();

    internal static uint PixelAt(Framebuffer framebuffer, int x, int y)
    {
        PixelFormat format = framebuffer.Format;
        Span<byte> bytes = framebuffer.Memory.Bytes.Slice(y * framebuffer.Pitch + x * format.BytesPerPixel, format.BytesPerPixel);
        uint value = 0;
        for (int i = bytes.Length - 1; i >= 0; i--)
            value = value << 8 | bytes[i];
        uint Channel(int shift, int bits) => ((value >> shift) & ((1u << bits) - 1)) << (8 - bits);
        return Channel(format.RedShift, format.RedBits) << 16 | Channel(format.GreenShift, format.GreenBits) << 8 | Channel(format.BlueShift, format.BlueBits);
    }

    // Every pixel of the cell against the glyph's bits (colours compared at the format's precision).
    private static void AssertCellShows(Framebuffer framebuffer, int row, int column, char c, uint foreground, uint background)
    {
        int glyph = Font.GlyphIndex(c);
        uint expectedForeground = Decode(framebuffer.Format, framebuffer.Format.Encode(foreground));
        uint expectedBackground = Decode(framebuffer.Format, framebuffer.Format.Encode(background));
        for (int y = 0; y < Font.Height; y++)
        {
            byte bits = Font.GlyphRow(glyph, y)[0];
            for (int x = 0; x < Font.Width; x++)
            {
                bool set = (bits & (0x80 >> x)) != 0;
                uint pixel = PixelAt(framebuffer, column * Font.Width + x, row * Font.Height + y);
                Assert.True(pixel == (set ? expectedForeground : expectedBackground),
                    $"'{c}' at row {row}, column {column}: pixel ({x}, {y}) is {pixel:X6}, expected {(set ? expectedForeground : expectedBackground):X6}");
            }
        }
    }

    private static uint Decode(PixelFormat format, uint encoded)
    {
        byte[] one = BitConverter.GetBytes(encoded);
        var framebuffer = new Framebuffer(new ArrayPixelMemory(one), 1, 1, 4, format);
        return PixelAt(framebuffer, 0, 0);
    }
}
