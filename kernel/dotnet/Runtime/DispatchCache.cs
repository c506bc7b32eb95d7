using System.Runtime.InteropServices;
using Internal.Runtime;
using System.Threading;

namespace Uk.Dotnet.Runtime;

// The targets resolved for one interface call site, read by uk_dotnet_cached_interface_dispatch
// (classlib.asm): a header, then {type, target} entries from offset 32 ending at the first empty
// one. Entries are written once (target before type), so a reader never pairs a type with
// another type's target; a full block is replaced by a larger copy and the old one is left
// in place for threads still reading it (never freed: a few hundred bytes per busy call site
// at most). Sites with more types than the largest block resolve the rest every time.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DispatchCache
{
    private const int FirstCapacity = 4;
    private const int LargestCapacity = 64;

    public void* InterfaceType;
    public nint Slot;
    private long _capacity;
    private long _claimed;

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public nint Type;
        public nint Target;
    }

    private Entry* Entries
    {
        get
        {
            fixed (DispatchCache* self = &this)
                return (Entry*)(self + 1);
        }
    }

    // The cell's block, or null while the cell still names its interface (low bits set).
    public static DispatchCache* Of(DispatchCell* cell) => Block(Volatile.Read(ref cell->Cache));

    private static DispatchCache* Block(nint cache) => (cache & 3) == 0 && cache != 0 ? (DispatchCache*)cache : null;

    public nint Find(void* type)
    {
        Entry* entries = Entries;
        for (long i = 0; i < _capacity; i++)
        {
            nint entryType = Volatile.Read(ref entries[i].Type);
            if (entryType == 0)
                return 0;
            if (entryType == (nint)type)
                return entries[i].Target;
        }
        return 0;
    }

    public static void Add(DispatchCell* cell, void* type, nint target, void* interfaceType, ushort slot, nint cachedStub)
    {
        while (true)
        {
            nint seen = Volatile.Read(ref cell->Cache);
            DispatchCache* current = Block(seen);
            if (current == null)
            {
                DispatchCache* first = New(FirstCapacity, interfaceType, slot);
                if (first == null)
                    return;
                first->Append(type, target);
                if (Interlocked.CompareExchange(ref cell->Cache, (nint)first, seen) == seen)
                {
                    // Block first, stub second: a thread that reads the new stub finds the block.
                    Volatile.Write(ref cell->Stub, cachedStub);
                    return;
                }
                continue;
            }
            if (current->Append(type, target))
                return;
            if (current->_capacity >= LargestCapacity)
                return;
            DispatchCache* larger = current->CopyInto(New((int)current->_capacity * 4, interfaceType, slot));
            if (larger == null)
                return;
            larger->Append(type, target);
            if (Interlocked.CompareExchange(ref cell->Cache, (nint)larger, seen) == seen)
                return;
        }
    }

    // Claims the next entry; false when the block is full.
    private bool Append(void* type, nint target)
    {
        long index = Interlocked.Increment(ref _claimed) - 1;
        if (index >= _capacity)
            return false;
        Entry* entry = Entries + index;
        entry->Target = target;
        Volatile.Write(ref entry->Type, (nint)type);
        return true;
    }

    private DispatchCache* CopyInto(DispatchCache* larger)
    {
        if (larger == null)
            return null;
        Entry* entries = Entries;
        for (long i = 0; i < _capacity; i++)
        {
            nint entryType = Volatile.Read(ref entries[i].Type);
            if (entryType == 0)
                break;
            larger->Append((void*)entryType, entries[i].Target);
        }
        return larger;
    }

    // The heap seam hands out zeroed memory: every entry starts empty, and the one past the
    // capacity stays empty to end the stub's search.
    private static DispatchCache* New(int capacity, void* interfaceType, ushort slot)
    {
        nuint size = (nuint)(sizeof(DispatchCache) + (capacity + 1) * sizeof(Entry));
        DispatchCache* cache = (DispatchCache*)Internal.Runtime.HeapSeam.AllocateAligned(size, 16);
        if (cache == null)
            return null;
        cache->InterfaceType = interfaceType;
        cache->Slot = slot;
        cache->_capacity = capacity;
        return cache;
    }
}
