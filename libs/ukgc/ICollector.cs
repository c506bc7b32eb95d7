namespace Uk.Gc;

// A collector's heap for managed objects. ManagedHeap calls every member with interrupts off,
// so no thread or interrupt handler runs meanwhile.
public unsafe interface ICollector
{
    string Name { get; }

    // size bytes of zeroed memory, 8-byte aligned, for one object; null when the heap has none.
    void* Allocate(nuint size);

    // Frees every object no root reaches (finishing first a collection under way).
    void Collect();

    // Starts a collection that later Steps finish (the initial pause: roots and barriers); false
    // for a collector that only collects whole, which ManagedHeap then calls Collect on.
    bool BeginCollection();

    // Marking work for allocatedBytes allocated since the last step; true when it ended the
    // collection (the final pause: marking finished and the heap swept).
    bool Step(ulong allocatedBytes);

    // Between a BeginCollection and the Step that ends it.
    bool InCollection { get; }

    // Bytes of objects allocated and not yet freed.
    ulong BytesInUse { get; }

    // Bytes the last collection found reachable. After an incremental one this is less than
    // BytesInUse: objects allocated while it marked were kept unvisited (some already garbage).
    ulong BytesReachedByLastCollection { get; }

    // Bytes the collector holds from the allocator (objects, free cells, its own tables).
    ulong HeapBytes { get; }
}
