using Uk.Drivers.Pci;

namespace Uk.Drivers.Xhci;

// The event ring of interrupter 0 (xHCI 1.2, 4.9.4): one segment the controller fills and
// the driver consumes, described by a one-entry Event Ring Segment Table. An event is new
// when its cycle bit equals the consumer cycle state, which toggles at each wrap.
public sealed unsafe class EventRing
{
    private const int TableEntryBytes = 16;

    private readonly byte* _trbs;
    private readonly byte* _table;
    private int _dequeue;
    private bool _cycle = true;

    private EventRing(byte* trbs, byte* table, int count)
    {
        _trbs = trbs;
        _table = table;
        Count = count;
        DeviceMemory.Write64(table, (ulong)trbs);
        DeviceMemory.Write32(table + 8, (uint)count);
    }

    // Null when the allocator has no room.
    public static EventRing? Allocate(int count)
    {
        byte* trbs = DmaMemory.Zeroed(count * Trb.Bytes, 64);
        byte* table = DmaMemory.Zeroed(TableEntryBytes, 64);
        return trbs == null || table == null ? null : new EventRing(trbs, table, count);
    }

    public int Count { get; }

    public ulong SegmentAddress => (ulong)_trbs;

    public ulong TableAddress => (ulong)_table;

    // Where the driver will read next: written to ERDP after events are taken.
    public ulong DequeueAddress => (ulong)(_trbs + _dequeue * Trb.Bytes);

    public bool TryTake(out Trb trb)
    {
        byte* slot = _trbs + _dequeue * Trb.Bytes;
        uint control = DeviceMemory.Read32(slot + 12);
        if (((control & Trb.Cycle) != 0) != _cycle)
        {
            trb = default;
            return false;
        }
        ulong parameter = DeviceMemory.Read32(slot) | (ulong)DeviceMemory.Read32(slot + 4) << 32;
        trb = new Trb(parameter, DeviceMemory.Read32(slot + 8), control);
        _dequeue++;
        if (_dequeue == Count)
        {
            _dequeue = 0;
            _cycle = !_cycle;
        }
        return true;
    }
}
