using System;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Virtio;

// The driver side of a split virtqueue over memory shared with the device. What the driver
// needs to stay safe - which descriptors are free, which chains are in flight, how many
// bytes each chain lets the device write - lives in private arrays, never read back from
// shared memory, so a device that scribbles on the rings or returns ids or lengths we never
// gave it is caught: such entries are counted in RejectedEntries and skipped.
public sealed unsafe class SplitQueue
{
    private const ushort DescriptorNext = 1;
    private const ushort DescriptorWrite = 2;
    private const ushort UsedNoNotify = 1;
    private const ushort AvailableNoInterrupt = 1;

    private readonly byte* _descriptors;
    private readonly byte* _available;
    private readonly byte* _used;
    private readonly ushort _size;
    private readonly bool _eventIndex;
    private readonly ushort[] _next;
    private readonly ushort[] _chainLength;
    private readonly uint[] _writableBytes;
    private ushort _freeHead;
    private int _freeCount;
    private ushort _availableIndex;
    private ushort _lastKickIndex;
    private ushort _lastUsedIndex;
    private bool _interruptsSuppressed;

    // memory holds a RingLayout(size) and is zeroed.
    public SplitQueue(byte* memory, ushort size, bool eventIndex)
    {
        if (!RingLayout.IsValidSize(size))
            throw new ArgumentOutOfRangeException(nameof(size), "a virtqueue size is a power of two up to 32768");
        var layout = new RingLayout(size);
        _descriptors = memory + layout.DescriptorsOffset;
        _available = memory + layout.AvailableOffset;
        _used = memory + layout.UsedOffset;
        _size = size;
        _eventIndex = eventIndex;
        _next = new ushort[size];
        _chainLength = new ushort[size];
        _writableBytes = new uint[size];
        for (int i = 0; i < size; i++)
            _next[i] = (ushort)((i + 1) % size);
        _freeCount = size;
    }

    public ushort Size => _size;

    public int FreeDescriptors => _freeCount;

    public int InFlight { get; private set; }

    // Used-ring entries naming an id not in flight, or an index running ahead of what was
    // submitted: device bugs or hostility, ignored.
    public ulong RejectedEntries { get; private set; }

    // Chains that came back with a length larger than their writable buffers.
    public ulong RejectedLengths { get; private set; }

    public ulong DescriptorsAddress => (ulong)_descriptors;

    public ulong AvailableAddress => (ulong)_available;

    public ulong UsedAddress => (ulong)_used;

    // Puts a chain of buffers on the available ring; returns its head id, or -1 when the
    // ring has fewer free descriptors than buffers (nothing is written then).
    public int Submit(ReadOnlySpan<VirtqBuffer> buffers)
    {
        int count = buffers.Length;
        if (count == 0 || count > _freeCount)
            return -1;
        ushort head = _freeHead;
        ushort current = head;
        uint writable = 0;
        for (int i = 0; i < count; i++)
        {
            VirtqBuffer buffer = buffers[i];
            bool last = i == count - 1;
            ushort flags = (ushort)((buffer.DeviceWritable ? DescriptorWrite : 0) | (last ? 0 : DescriptorNext));
            byte* descriptor = _descriptors + current * RingLayout.DescriptorSize;
            DeviceMemory.Write64(descriptor, buffer.Address);
            DeviceMemory.Write32(descriptor + 8, buffer.Length);
            DeviceMemory.Write16(descriptor + 12, flags);
            DeviceMemory.Write16(descriptor + 14, last ? (ushort)0 : _next[current]);
            if (buffer.DeviceWritable)
                writable += buffer.Length;
            if (!last)
                current = _next[current];
        }
        _freeHead = _next[current];
        _freeCount -= count;
        _chainLength[head] = (ushort)count;
        _writableBytes[head] = writable;
        InFlight++;

        DeviceMemory.Write16(_available + 4 + 2 * (_availableIndex & (_size - 1)), head);
        _availableIndex++;
        // The entry is visible before the index that publishes it (x86 keeps stores in order).
        DeviceMemory.Write16(_available + 2, _availableIndex);
        return head;
    }

    // Whether the device asked to be told about the chains submitted since the last call:
    // with event indices, only when its avail_event lies in that window; otherwise unless
    // it set NO_NOTIFY.
    public bool ShouldNotify()
    {
        ushort newIndex = _availableIndex;
        ushort oldIndex = _lastKickIndex;
        _lastKickIndex = newIndex;
        if (newIndex == oldIndex)
            return false;
        if (_eventIndex)
        {
            ushort availableEvent = DeviceMemory.Read16(_used + 4 + 8 * _size);
            return (ushort)(newIndex - availableEvent - 1) < (ushort)(newIndex - oldIndex);
        }
        return (DeviceMemory.Read16(_used) & UsedNoNotify) == 0;
    }

    // Takes the next completed chain off the used ring and frees its descriptors.
    public UsedResult TryTakeUsed(out ushort head, out uint length)
    {
        head = 0;
        length = 0;
        while (true)
        {
            ushort usedIndex = DeviceMemory.Read16(_used + 2);
            ushort pending = (ushort)(usedIndex - _lastUsedIndex);
            if (pending == 0)
                return UsedResult.Empty;
            if (pending > _size)
            {
                // More unread entries than the ring holds: the index is garbage, and
                // nothing past our position can be trusted until it makes sense again.
                RejectedEntries++;
                return UsedResult.Empty;
            }
            byte* element = _used + 4 + 8 * (_lastUsedIndex & (_size - 1));
            uint id = DeviceMemory.Read32(element);
            uint written = DeviceMemory.Read32(element + 4);
            _lastUsedIndex++;
            PublishUsedEvent();
            if (id >= _size || _chainLength[id] == 0)
            {
                RejectedEntries++;
                continue;
            }
            head = (ushort)id;
            uint room = _writableBytes[head];
            Free(head);
            if (written > room)
            {
                RejectedLengths++;
                return UsedResult.BadLength;
            }
            length = written;
            return UsedResult.Completed;
        }
    }

    // Whether the used ring holds entries not taken yet (after re-enabling interrupts, a
    // completion may have slipped in before the device saw the change).
    public bool HasUsed => DeviceMemory.Read16(_used + 2) != _lastUsedIndex;

    // Asks the device not to interrupt (the driver polls), or to interrupt again. A device
    // that negotiated event indices ignores the flag and reads used_event instead, so that
    // is moved half the index space away while suppressed and back to our position after.
    public void SuppressInterrupts(bool suppress)
    {
        _interruptsSuppressed = suppress;
        DeviceMemory.Write16(_available, suppress ? AvailableNoInterrupt : (ushort)0);
        if (_eventIndex)
            DeviceMemory.Write16(_available + 4 + 2 * _size, suppress ? (ushort)(_lastUsedIndex + 0x8000) : _lastUsedIndex);
    }

    // With event indices the device interrupts once the used index passes used_event: keep
    // it at our position so the next completion interrupts (unless interrupts are off).
    private void PublishUsedEvent()
    {
        if (_eventIndex && !_interruptsSuppressed)
            DeviceMemory.Write16(_available + 4 + 2 * _size, _lastUsedIndex);
    }

    private void Free(ushort head)
    {
        int count = _chainLength[head];
        ushort last = head;
        for (int i = 1; i < count; i++)
            last = _next[last];
        _next[last] = _freeCount == 0 ? head : _freeHead;
        _freeHead = head;
        _freeCount += count;
        _chainLength[head] = 0;
        _writableBytes[head] = 0;
        InFlight--;
    }
}
