using Uk.Core;

namespace Uk.Drivers.VgaConsole;

// The hardware seam: the text-mode frame buffer and the CRT controller's cursor registers.
public sealed unsafe class VgaTextBuffer
{
    public const ulong PhysicalAddress = 0xB8000;
    public const int Columns = 80;
    public const int Rows = 25;

    private readonly ushort* _cells;

    public VgaTextBuffer(ushort* cells) => _cells = cells;

    public ushort this[int row, int column]
    {
        get => _cells[row * Columns + column];
        set => _cells[row * Columns + column] = value;
    }

    public void MoveCursor(int row, int column)
    {
        int position = row * Columns + column;
        PortIo.Write8(0x3D4, 0x0F);
        PortIo.Write8(0x3D5, (byte)position);
        PortIo.Write8(0x3D4, 0x0E);
        PortIo.Write8(0x3D5, (byte)(position >> 8));
    }
}
