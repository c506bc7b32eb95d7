using System.Runtime.InteropServices;

namespace Internal.Runtime;

// An interface call site's cells as ILC lays them out: {stub, cache} pairs, the cache of the
// first naming the interface (low bits: 1 an absolute pointer, 3 a relative one, 2 a relative
// pointer to an indirection cell; 0 is a cache block the dotnet library put there), the group
// ending in a cell with a null stub whose cache holds the slot. Both base class libraries
// read cells through here.
internal static unsafe class DispatchCellLayout
{
    private const nint CellFlagsMask = 3;
    private const nint InterfacePointer = 1;
    private const nint IndirectedRelativePointer = 2;
    private const nint RelativePointer = 3;

    // The interface the call site calls, or null when the cell no longer names it.
    public static void* InterfaceOf(DispatchCell* cell)
    {
        nint cache = cell->Cache;
        return (cache & CellFlagsMask) switch
        {
            InterfacePointer => (void*)(cache & ~CellFlagsMask),
            RelativePointer => (void*)(((nint)(&cell->Cache) + (int)cache) & ~CellFlagsMask),
            IndirectedRelativePointer => *(void**)(((nint)(&cell->Cache) + (int)cache) & ~CellFlagsMask),
            _ => null,
        };
    }

    public static ushort SlotOf(DispatchCell* cell)
    {
        while (cell->Stub != 0)
            cell++;
        return (ushort)cell->Cache;
    }
}

[StructLayout(LayoutKind.Sequential)]
internal struct DispatchCell
{
    public nint Stub;
    public nint Cache;
}
