namespace Uk.Alloc.Buddy;

// The header at the start of every block, free or allocated. All bookkeeping lives here, in
// the managed memory itself, so adding a region writes a handful of headers whatever its size.
// A block's buddy always starts with such a header too (it is a whole block or the first piece
// of one), which is what lets Free test the buddy without any per-page table.
internal unsafe struct BuddyBlock
{
    public const uint FreeTag = 0xB0DDF4EE;
    public const uint UsedTag = 0xB0DD05ED;

    public uint Tag;

    // log2 of the block size.
    public byte Order;

    // log2 of the block this one was carved from when its region was added: coalescing stops
    // there, because the buddy of a carved block lies outside the region.
    public byte TopOrder;

    public ushort Reserved;

    // Allocated: distance from the block start to the caller's pointer (16, or the alignment
    // asked for). The same value is also stored in the 8 bytes just before the caller's
    // pointer, which is how Free finds the header.
    public ulong UserOffset;

    // Free: doubly linked list of the free blocks of this order (inside the free block).
    public BuddyBlock* Next;
    public BuddyBlock* Previous;
}
