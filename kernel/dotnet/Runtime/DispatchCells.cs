using System.Runtime;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.Runtime;

// What CoreLib's cached interface dispatch asks about a call site's cell: the interface and
// slot it calls. Cells have no cache here, so every call resolves afresh (a later step).
internal static unsafe class DispatchCells
{
    private const nint CellFlagsMask = 3;
    private const nint InterfacePointer = 1;
    private const nint IndirectedRelativePointer = 2;
    private const nint RelativePointer = 3;

    [RuntimeExport("RhpGetDispatchCellInfo")]
    private static void GetInfo(Cell* cell, CellInfo* info)
    {
        *info = default;
        info->InterfaceType = InterfaceTypeOf(cell);
        info->InterfaceSlot = SlotOf(cell);
    }

    [RuntimeExport("RhpSearchDispatchCellCache")]
    private static nint SearchCache(Cell* cell, void* type) => 0;

    [RuntimeExport("RhpUpdateDispatchCellCache")]
    private static nint UpdateCache(Cell* cell, nint target, void* type, CellInfo* info) => target;

    // A call site made at run time (reflection, generic virtual methods): a cell for the
    // interface and the terminating cell with the slot, as ILC lays out static ones.
    [RuntimeExport("RhNewInterfaceDispatchCell")]
    private static Cell* NewCell(void* interfaceType, int slot)
    {
        Cell* cell = (Cell*)Internal.Runtime.HeapSeam.AllocateAligned((nuint)(2 * sizeof(Cell)), 16);
        if (cell == null)
            return null;
        cell[0].Stub = (nint)uk_dotnet_interface_dispatch_stub();
        cell[0].Cache = (nint)interfaceType | InterfacePointer;
        cell[1].Stub = 0;
        cell[1].Cache = slot;
        return cell;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_interface_dispatch_stub();

    private static void* InterfaceTypeOf(Cell* cell)
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

    // A call site's cells end in one with a null stub whose cache holds the slot.
    private static ushort SlotOf(Cell* cell)
    {
        while (cell->Stub != 0)
            cell++;
        return (ushort)cell->Cache;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Cell
    {
        public nint Stub;
        public nint Cache;
    }

    // CoreLib 10.0.12's DispatchCellInfo (sequential).
    [StructLayout(LayoutKind.Sequential)]
    internal struct CellInfo
    {
        public int CellType;
        public void* InterfaceType;
        public ushort InterfaceSlot;
        public byte HasCache;
        public uint MetadataToken;
        public uint VTableOffset;
    }
}
