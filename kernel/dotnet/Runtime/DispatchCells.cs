using System.Runtime;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// What CoreLib's cached interface dispatch asks about a call site's cell: the interface and
// slot it calls, and the targets already resolved for it. The first resolution points the cell
// at a cache block (DispatchCache) and at a stub that looks the object's type up there, so
// later calls with a type seen before do not leave the stub.
internal static unsafe class DispatchCells
{
    private const nint InterfacePointer = 1;
    private const int InterfaceAndSlot = 0;

    [RuntimeExport("RhpGetDispatchCellInfo")]
    private static void GetInfo(DispatchCell* cell, CellInfo* info)
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
        info->InterfaceType = DispatchCellLayout.InterfaceOf(cell);
        info->InterfaceSlot = DispatchCellLayout.SlotOf(cell);
    }

    [RuntimeExport("RhpSearchDispatchCellCache")]
    private static nint SearchCache(DispatchCell* cell, void* type)
    {
        DispatchCache* cache = DispatchCache.Of(cell);
        return cache == null ? 0 : cache->Find(type);
    }

    [RuntimeExport("RhpUpdateDispatchCellCache")]
    private static nint UpdateCache(DispatchCell* cell, nint target, void* type, CellInfo* info)
    {
        if (info->CellType == InterfaceAndSlot && info->InterfaceType != null)
            DispatchCache.Add(cell, type, target, info->InterfaceType, info->InterfaceSlot, (nint)uk_dotnet_cached_dispatch_stub());
        return target;
    }

    // A call site made at run time (reflection, generic virtual methods): a cell for the
    // interface and the terminating cell with the slot, as ILC lays out static ones.
    [RuntimeExport("RhNewInterfaceDispatchCell")]
    private static DispatchCell* NewCell(void* interfaceType, int slot)
    {
        DispatchCell* cell = (DispatchCell*)Internal.Runtime.HeapSeam.AllocateAligned((nuint)(2 * sizeof(DispatchCell)), 16);
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
