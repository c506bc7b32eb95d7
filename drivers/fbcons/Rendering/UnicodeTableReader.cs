using System;

namespace Uk.Drivers.FramebufferConsole;

// Walks a PSF font's Unicode table: for each glyph in turn, the characters it shows, then
// optional multi-character sequences, then a terminator. PSF1 writes UCS-2 (little-endian,
// 0xFFFE starts sequences, 0xFFFF ends the glyph); PSF2 writes UTF-8 (0xFE, 0xFF). Only the
// single characters of the Basic Multilingual Plane are returned: a console of chars needs
// nothing else.
internal ref struct UnicodeTableReader
{
    private readonly ReadOnlySpan<byte> _table;
    private readonly int _glyphCount;
    private readonly bool _utf8;
    private int _offset;
    private int _glyph;
    private bool _inSequences;

    public UnicodeTableReader(ReadOnlySpan<byte> table, int glyphCount, bool utf8)
    {
        _table = table;
        _glyphCount = glyphCount;
        _utf8 = utf8;
        _offset = 0;
        _glyph = 0;
        _inSequences = false;
        Failed = false;
    }

    // The table ended before every glyph's terminator.
    public bool Failed { get; private set; }

    public bool Next(out char character, out int glyph)
    {
        while (_glyph < _glyphCount)
        {
            if (_offset >= _table.Length)
            {
                Failed = true;
                break;
            }
            int value = _utf8 ? ReadUtf8() : ReadUcs2();
            if (value == EndOfGlyph)
            {
                _glyph++;
                _inSequences = false;
                continue;
            }
            if (value == StartOfSequences)
            {
                _inSequences = true;
                continue;
            }
            if (_inSequences || value < 0 || value > 0xFFFF)
                continue;
            character = (char)value;
            glyph = _glyph;
            return true;
        }
        character = '\0';
        glyph = 0;
        return false;
    }

    private const int EndOfGlyph = -1;
    private const int StartOfSequences = -2;
    private const int Skipped = -3;

    private int ReadUcs2()
    {
        if (_offset + 2 > _table.Length)
        {
            _offset = _table.Length;
            return Skipped;
        }
        int value = _table[_offset] | _table[_offset + 1] << 8;
        _offset += 2;
        return value == 0xFFFF ? EndOfGlyph : value == 0xFFFE ? StartOfSequences : value;
    }

    private int ReadUtf8()
    {
        byte lead = _table[_offset++];
        if (lead == 0xFF)
            return EndOfGlyph;
        if (lead == 0xFE)
            return StartOfSequences;
        int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        if (lead >= 0x80 && extra == 0)
            return Skipped;
        int value = extra switch { 3 => lead & 0x07, 2 => lead & 0x0F, 1 => lead & 0x1F, _ => lead };
        for (int i = 0; i < extra; i++)
        {
            if (_offset >= _table.Length || (_table[_offset] & 0xC0) != 0x80)
                return Skipped;
            value = value << 6 | (_table[_offset++] & 0x3F);
        }
        return value;
    }
}
