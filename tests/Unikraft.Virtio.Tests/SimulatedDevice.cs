using System.Buffers.Binary;
using Uk.Drivers.Virtio;

namespace Unikraft.Virtio.Tests;

// The device side of a split virtqueue, written from the virtio layout alone (not from the
// driver's code): it pops chains from the available ring by following descriptors in shared
// memory and pushes used entries - including wrong ones, to see the driver refuse them.
internal sealed unsafe class SimulatedDevice
{
    private readonly byte* _descriptors;
    private readonly byte* _available;
    private readonly byte* _used;
    private readonly ushort _size;
    private ushort _lastAvailable;
    private ushort _usedIndex;

    public SimulatedDevice(RingMemory memory)
    {
        _size = memory.Layout.Size;
        _descriptors = memory.Base + memory.Layout.DescriptorsOffset;
        _available = memory.Base + memory.Layout.AvailableOffset;
        _used = memory.Base + memory.Layout.UsedOffset;
    }

    public readonly record struct Descriptor(ushort Index, ulong Address, uint Length, bool Writable, bool HasNext, ushort Next);

    public readonly record struct Chain(ushort Head, Descriptor[] Descriptors)
    {
        public uint WritableBytes => (uint)Descriptors.Where(d => d.Writable).Sum(d => d.Length);
    }

    public ushort AvailableIndex => Read16(_available + 2);

    public ushort AvailableFlags => Read16(_available);

    public ushort UsedEvent => Read16(_available + 4 + 2 * _size);

    public ushort UsedIndex => _usedIndex;

    // Takes every chain the driver made available since the last call.
    public List<Chain> PopAll()
    {
        var chains = new List<Chain>();
        while (_lastAvailable != AvailableIndex)
        {
            ushort head = Read16(_available + 4 + 2 * (_lastAvailable % _size));
            _lastAvailable++;
            chains.Add(new Chain(head, Follow(head)));
        }
        return chains;
    }

    public Descriptor[] Follow(ushort head)
    {
        var list = new List<Descriptor>();
        ushort index = head;
        while (true)
        {
            if (list.Count > _size)
                throw new InvalidOperationException("descriptor chain loops");
            byte* d = _descriptors + 16 * index;
            ushort flags = Read16(d + 12);
            var descriptor = new Descriptor(index, BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(d, 8)),
                BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(d + 8, 4)), (flags & 2) != 0, (flags & 1) != 0, Read16(d + 14));
            list.Add(descriptor);
            if (!descriptor.HasNext)
                return list.ToArray();
            index = descriptor.Next;
        }
    }

    // Puts {id, length} on the used ring and publishes it.
    public void Complete(uint id, uint length)
    {
        byte* element = _used + 4 + 8 * (_usedIndex % _size);
        *(uint*)element = id;
        *(uint*)(element + 4) = length;
        _usedIndex++;
        *(ushort*)(_used + 2) = _usedIndex;
    }

    // A device that moves its used index without writing entries.
    public void JumpUsedIndex(ushort by)
    {
        _usedIndex += by;
        *(ushort*)(_used + 2) = _usedIndex;
    }

    public void SetAvailableEvent(ushort value) => *(ushort*)(_used + 4 + 8 * _size) = value;

    public void SetNoNotify(bool on) => *(ushort*)_used = on ? (ushort)1 : (ushort)0;

    public void ScribbleDescriptorTable(byte value)
    {
        for (int i = 0; i < 16 * _size; i++)
            _descriptors[i] = value;
    }

    private static ushort Read16(byte* address) => *(ushort*)address;
}
