namespace Uk.Alloc;

// An allocator over regions of physical memory (identity-mapped, so addresses are pointers).
// Implementations are pure pointer logic with no hardware access, so the same source runs in
// the image and in host tests over a buffer standing in for RAM.
public unsafe interface IAllocator
{
    string Name { get; }

    // Whether Free gives memory back (a region allocator never reuses it).
    bool SupportsFree { get; }

    // Hands the allocator a range of free memory; called for each region at start-up.
    void AddRegion(void* start, nuint length);

    // A block of at least size bytes aligned to Heap.MinimumAlignment, or null when the
    // request cannot be served. Contents are unspecified.
    void* Allocate(nuint size);

    // As Allocate, aligned to alignment (a power of two).
    void* AllocateAligned(nuint size, nuint alignment);

    // Resizes block, keeping its contents up to the smaller size; null block allocates,
    // size 0 frees and returns null. On failure returns null and leaves block untouched.
    void* Reallocate(void* block, nuint size);

    // Returns a block from Allocate, AllocateAligned or Reallocate; null is ignored.
    void Free(void* block);

    AllocatorStatistics Statistics { get; }
}
