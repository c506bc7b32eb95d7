using System;

namespace Uk.Drivers.FramebufferConsole;

// A Linux console font (PSF1 or PSF2): fixed-size 1-bit glyphs, rows padded to whole bytes,
// most significant bit leftmost, and an optional table of the Unicode characters each glyph
// shows. Without the table, glyph i shows character i.
public sealed class PsfFont
{
    private const byte Psf1Magic0 = 0x36;
    private const byte Psf1Magic1 = 0x04;
    private const byte Psf1Has512Glyphs = 0x01;
    private const byte Psf1HasTable = 0x02;
    private const byte Psf1HasSequences = 0x04;
    private const uint Psf2Magic = 0x864AB572;
    private const uint Psf2HasTable = 0x01;

    private readonly byte[] _glyphs;
    // Characters with a glyph, sorted, and the glyph of each: a binary search finds one.
    private readonly char[] _characters;
    private readonly ushort[] _glyphOf;
    private readonly int _replacement;

    private PsfFont(byte[] glyphs, int count, int width, int height, char[] characters, ushort[] glyphOf)
    {
        _glyphs = glyphs;
        GlyphCount = count;
        Width = width;
        Height = height;
        BytesPerRow = (width + 7) / 8;
        _characters = characters;
        _glyphOf = glyphOf;
        int question = FindGlyph('?');
        _replacement = question >= 0 ? question : 0;
    }

    public int GlyphCount { get; }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerRow { get; }

    public int BytesPerGlyph => BytesPerRow * Height;

    // Null, with the reason, for bytes that are no PSF font (a clear message, not a fault).
    public static PsfFont? Parse(ReadOnlySpan<byte> data, out string? error)
    {
        if (data.Length >= 4 && data[0] == Psf1Magic0 && data[1] == Psf1Magic1)
            return ParsePsf1(data, out error);
        if (data.Length >= 32 && ReadUInt32(data, 0) == Psf2Magic)
            return ParsePsf2(data, out error);
        error = "not a PSF font (no PSF1 or PSF2 magic number)";
        return null;
    }

    // The glyph that shows c: its own, else '?'s.
    public int GlyphIndex(char c)
    {
        int glyph = FindGlyph(c);
        return glyph >= 0 ? glyph : _replacement;
    }

    // The rows of glyph index, BytesPerRow bytes each, top first.
    public ReadOnlySpan<byte> Glyph(int index) => new ReadOnlySpan<byte>(_glyphs, index * BytesPerGlyph, BytesPerGlyph);

    // Row y of glyph index, BytesPerRow bytes.
    public ReadOnlySpan<byte> GlyphRow(int index, int y) =>
        new ReadOnlySpan<byte>(_glyphs, index * BytesPerGlyph + y * BytesPerRow, BytesPerRow);

    private int FindGlyph(char c)
    {
        int low = 0;
        int high = _characters.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            char found = _characters[middle];
            if (found == c)
                return _glyphOf[middle];
            if (found < c)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return -1;
    }

    private static PsfFont? ParsePsf1(ReadOnlySpan<byte> data, out string? error)
    {
        byte mode = data[2];
        int height = data[3];
        int count = (mode & Psf1Has512Glyphs) != 0 ? 512 : 256;
        int glyphBytes = count * height;
        if (height == 0 || data.Length < 4 + glyphBytes)
        {
            error = "PSF1 font shorter than its " + count.ToString() + " glyphs";
            return null;
        }
        ReadOnlySpan<byte> table = data.Slice(4 + glyphBytes);
        bool hasTable = (mode & (Psf1HasTable | Psf1HasSequences)) != 0;
        return Build(data.Slice(4, glyphBytes), count, 8, height, hasTable ? table : default, hasTable, psf2: false, out error);
    }

    private static PsfFont? ParsePsf2(ReadOnlySpan<byte> data, out string? error)
    {
        uint headerSize = ReadUInt32(data, 8);
        uint flags = ReadUInt32(data, 12);
        uint count = ReadUInt32(data, 16);
        uint glyphSize = ReadUInt32(data, 20);
        uint height = ReadUInt32(data, 24);
        uint width = ReadUInt32(data, 28);
        if (width == 0 || height == 0 || width > 64 || height > 64 || count == 0 || count > 65536
            || glyphSize != (width + 7) / 8 * height || headerSize < 32)
        {
            error = "PSF2 header with an impossible glyph size or count";
            return null;
        }
        ulong glyphBytes = (ulong)count * glyphSize;
        if ((ulong)data.Length < headerSize + glyphBytes)
        {
            error = "PSF2 font shorter than its " + count.ToString() + " glyphs";
            return null;
        }
        bool hasTable = (flags & Psf2HasTable) != 0;
        ReadOnlySpan<byte> table = hasTable ? data.Slice((int)(headerSize + glyphBytes)) : default;
        return Build(data.Slice((int)headerSize, (int)glyphBytes), (int)count, (int)width, (int)height, table, hasTable, psf2: true, out error);
    }

    private static PsfFont? Build(ReadOnlySpan<byte> glyphData, int count, int width, int height, ReadOnlySpan<byte> table, bool hasTable,
        bool psf2, out string? error)
    {
        byte[] glyphs = glyphData.ToArray();
        int mappings = 0;
        char[] characters;
        ushort[] glyphOf;
        if (!hasTable)
        {
            mappings = count < 65536 ? count : 65535;
            characters = new char[mappings];
            glyphOf = new ushort[mappings];
            for (int i = 0; i < mappings; i++)
            {
                characters[i] = (char)i;
                glyphOf[i] = (ushort)i;
            }
            error = null;
            return new PsfFont(glyphs, count, width, height, characters, glyphOf);
        }
        // Two passes over the table: count the single characters, then keep them.
        var counting = new UnicodeTableReader(table, count, psf2);
        while (counting.Next(out _, out _))
            mappings++;
        if (counting.Failed)
        {
            error = "the font's Unicode table is cut short";
            return null;
        }
        characters = new char[mappings];
        glyphOf = new ushort[mappings];
        var reader = new UnicodeTableReader(table, count, psf2);
        int n = 0;
        while (reader.Next(out char c, out int glyph))
        {
            // Insertion in order: a console font maps a few hundred characters.
            int at = n;
            while (at > 0 && characters[at - 1] > c)
            {
                characters[at] = characters[at - 1];
                glyphOf[at] = glyphOf[at - 1];
                at--;
            }
            characters[at] = c;
            glyphOf[at] = (ushort)glyph;
            n++;
        }
        error = null;
        return new PsfFont(glyphs, count, width, height, characters, glyphOf);
    }

    internal static uint ReadUInt32(ReadOnlySpan<byte> data, int offset) =>
        (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);
}
