using System.Runtime;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.Runtime;

// What CoreLib's cached interface dispatch asks about a call site's cell: the interface and
// slot it calls, and the targets already resolved for it. The first resolution points the cell
// at a cache block (DispatchCache) and at a stub that looks the object's type up there, so
// later calls with a type seen before do not leave the stub.
internal static unsafe class DispatchCells
{
    private const nint CellFlagsMask = 3;
    private const nint InterfacePointer = 1;
    private const nint IndirectedRelativePointer = 2;
    private const nint RelativePointer = 3;
    private const int InterfaceAndSlot = 0;

    [RuntimeExport("RhpGetDispatchCellInfo")]
    private static void GetInfo(Cell* cell, CellInfo* info)
    {
        *info = default;
        DispatchCache* cache = DispatchCache.Of(cell);
        if (cache != null)
        {
            info->InterfaceType = cache->InterfaceType;
            info->InterfaceSlot = (ushort)cache->Slot;
            info->HasCache = 1;
            return;
        }
        info->InterfaceType = InterfaceTypeOf(cell);
        info->InterfaceSlot = SlotOf(cell);
    }

    [RuntimeExport("RhpSearchDispatchCellCache")]
    private static nint SearchCache(Cell* cell, void* type)
    {
        DispatchCache* cache = DispatchCache.Of(cell);
        return cache == null ? 0 : cache->Find(type);
    }

    [RuntimeExport("RhpUpdateDispatchCellCache")]
    private static nint UpdateCache(Cell* cell, nint target, void* type, CellInfo* info)
    {
        if (info->CellType == InterfaceAndSlot && info->InterfaceType != null)
            DispatchCache.Add(cell, type, target, info->InterfaceType, info->InterfaceSlot, (nint)uk_dotnet_cached_dispatch_stub());
        return target;
    }

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

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_cached_dispatch_stub();

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
