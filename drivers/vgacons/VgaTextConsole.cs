using System;
using Uk.Core;

namespace Uk.Drivers.VgaConsole;

// Writes text into the 80x25 buffer, wrapping lines and scrolling at the bottom.
public sealed class VgaTextConsole : IConsole
{
    private readonly VgaTextBuffer _buffer;
    private readonly ushort _attribute;
    private int _row;
    private int _column;

    public VgaTextConsole(VgaTextBuffer buffer, byte color)
    {
        _buffer = buffer;
        _attribute = (ushort)(color << 8);
    }

    public string Name => "vgacons";

    public void Clear()
    {
        for (int row = 0; row < VgaTextBuffer.Rows; row++)
            ClearRow(row);
        _row = _column = 0;
        _buffer.MoveCursor(0, 0);
    }

    public void Write(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
            Put(text[i]);
        _buffer.MoveCursor(_row, _column);
    }

    private void Put(char c)
    {
        if (c == '\n')
        {
            NewLine();
            return;
        }
        if (c == '\r')
        {
            _column = 0;
            return;
        }
        _buffer[_row, _column] = (ushort)(_attribute | (c < 0x80 ? c : '?'));
        if (++_column == VgaTextBuffer.Columns)
            NewLine();
    }

    private void NewLine()
    {
        _column = 0;
        if (++_row < VgaTextBuffer.Rows)
            return;
        for (int row = 1; row < VgaTextBuffer.Rows; row++)
        {
            for (int column = 0; column < VgaTextBuffer.Columns; column++)
                _buffer[row - 1, column] = _buffer[row, column];
        }
        _row = VgaTextBuffer.Rows - 1;
        ClearRow(_row);
    }

    private void ClearRow(int row)
    {
        for (int column = 0; column < VgaTextBuffer.Columns; column++)
            _buffer[row, column] = (ushort)(_attribute | ' ');
    }
}
