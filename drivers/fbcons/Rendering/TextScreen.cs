using System;

namespace Uk.Drivers.FramebufferConsole;

// A text console on a framebuffer. Text goes into a grid of cells (character and VGA colour
// attribute); Flush draws only the cells whose content differs from what the screen shows.
// Scrolling moves no pixels: the grid is a ring of rows, so a scroll costs one row of cells,
// and the next flush redraws the cells that changed - blank cells, and the cells where a
// line differs from the one below it - with no read of video memory, which is slow on PCs
// (uncached) and costs instructions under QEMU's TCG.
public sealed class TextScreen
{
    private const int TabWidth = 8;
    // The cursor: an underline this many pixel rows high at the bottom of its cell.
    private const int CursorHeight = 2;
    // A cell value no character has: the cell is redrawn at the next flush.
    private const uint Redraw = 0xFFFFFFFF;

    private readonly Framebuffer _framebuffer;
    private readonly PsfFont _font;
    private readonly GlyphPainter _painter;
    private readonly uint[] _cells;
    private readonly uint[] _shown;
    // Screen rows that may differ from what is shown: a flush compares only these.
    private readonly bool[] _changedRows;
    private readonly uint[] _foreground = new uint[16];
    private readonly uint[] _background = new uint[16];
    private readonly int _attribute;
    private int _top;
    private int _row;
    private int _column;
    // Where the cursor is drawn on the screen (row, column), -1 before the first flush.
    private int _cursorRow = -1;
    private int _cursorColumn;

    public TextScreen(Framebuffer framebuffer, PsfFont font, int attribute)
    {
        _framebuffer = framebuffer;
        _font = font;
        _painter = new GlyphPainter(framebuffer, font);
        Columns = framebuffer.Width / font.Width;
        Rows = framebuffer.Height / font.Height;
        _cells = new uint[Columns * Rows];
        _shown = new uint[Columns * Rows];
        _changedRows = new bool[Rows];
        for (int i = 0; i < 16; i++)
        {
            _foreground[i] = framebuffer.Format.Encode(ConsolePalette.Foreground(i));
            _background[i] = framebuffer.Format.Encode(ConsolePalette.Background(i << 4));
        }
        _attribute = attribute & 0xFF;
    }

    public int Columns { get; }

    public int Rows { get; }

    // The cursor: where the next character goes.
    public int Row => _row;

    public int Column => _column;

    // The character the grid holds at a cell (what the screen shows after Flush).
    public char CharacterAt(int row, int column) => (char)Cell(row, column);

    public int AttributeAt(int row, int column) => (int)(Cell(row, column) >> 16);

    // Paints the whole framebuffer in the background colour and empties the grid.
    public void Clear()
    {
        _framebuffer.Fill(0, 0, _framebuffer.Width, _framebuffer.Height, _background[_attribute >> 4]);
        uint blank = Blank();
        new Span<uint>(_cells).Fill(blank);
        new Span<uint>(_shown).Fill(blank);
        new Span<bool>(_changedRows).Clear();
        _top = _row = _column = 0;
        _cursorRow = -1;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
            Put(text[i]);
        Flush();
    }

    private void Put(char c)
    {
        switch (c)
        {
            case '\n':
                NewLine();
                return;
            case '\r':
                _column = 0;
                return;
            case '\t':
                int next = (_column / TabWidth + 1) * TabWidth;
                while (_column < next && _column < Columns)
                    Store(' ');
                return;
            case '\b':
                if (_column > 0)
                    _column--;
                return;
        }
        // A low surrogate was counted with its high one: one replacement glyph per character.
        if (c < ' ' || (c >= 0xDC00 && c <= 0xDFFF))
            return;
        Store(c);
    }

    // Draws every cell that changed since the last flush, then the cursor.
    public void Flush()
    {
        // The cell under the old cursor is drawn again without it.
        if (_cursorRow >= 0)
        {
            _shown[_cursorRow * Columns + _cursorColumn] = Redraw;
            _changedRows[_cursorRow] = true;
        }
        for (int row = 0; row < Rows; row++)
        {
            if (!_changedRows[row])
                continue;
            _changedRows[row] = false;
            int logical = PhysicalRow(row) * Columns;
            int shown = row * Columns;
            for (int column = 0; column < Columns; column++)
            {
                uint cell = _cells[logical + column];
                if (cell == _shown[shown + column])
                    continue;
                int attribute = (int)(cell >> 16);
                _painter.Draw(_font.GlyphIndex((char)cell), column * _font.Width, row * _font.Height,
                    _foreground[attribute & 0x0F], _background[attribute >> 4]);
                _shown[shown + column] = cell;
            }
        }
        DrawCursor();
    }

    // After a full line the cursor waits at its last column for the wrap.
    private void DrawCursor()
    {
        _cursorRow = _row;
        _cursorColumn = _column < Columns ? _column : Columns - 1;
        int attribute = AttributeAt(_cursorRow, _cursorColumn);
        _framebuffer.Fill(_cursorColumn * _font.Width, (_cursorRow + 1) * _font.Height - CursorHeight, _font.Width, CursorHeight,
            _foreground[attribute & 0x0F]);
    }

    // A character at the cursor; a full line wraps before the next character, so a line of
    // exactly Columns characters and its '\n' take one row.
    private void Store(char c)
    {
        if (_column == Columns)
            NewLine();
        _cells[PhysicalRow(_row) * Columns + _column] = (uint)_attribute << 16 | c;
        _changedRows[_row] = true;
        _column++;
    }

    private void NewLine()
    {
        _column = 0;
        if (_row + 1 < Rows)
        {
            _row++;
            return;
        }
        // The top row becomes the new bottom one; every row of the screen shows another.
        _top = (_top + 1) % Rows;
        new Span<uint>(_cells, PhysicalRow(_row) * Columns, Columns).Fill(Blank());
        new Span<bool>(_changedRows).Fill(true);
    }

    private uint Cell(int row, int column) => _cells[PhysicalRow(row) * Columns + column];

    private int PhysicalRow(int row) => (_top + row) % Rows;

    private uint Blank() => (uint)_attribute << 16 | ' ';
}
