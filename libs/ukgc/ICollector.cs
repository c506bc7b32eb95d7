namespace Uk.Gc;

// A collector's heap for managed objects. ManagedHeap calls every member with interrupts off,
// so no thread or interrupt handler runs meanwhile.
public unsafe interface ICollector
{
    string Name { get; }

    // size bytes of zeroed memory, 8-byte aligned, for one object; null when the heap has none.
    void* Allocate(nuint size);

    // Frees every object no root reaches.
    void Collect();

    // Bytes of objects allocated and not yet freed.
    ulong BytesInUse { get; }

    // Bytes the collector holds from the allocator (objects, free cells, its own tables).
    ulong HeapBytes { get; }
}
