namespace Uk.Alloc.Buddy;

// The per-order free lists: doubly linked through the free blocks themselves, with a bitmap
// of non-empty orders so the smallest fitting order is found without scanning.
public sealed unsafe partial class BuddyAllocator
{
    private void PushFree(BuddyBlock* block, int order)
    {
        BuddyBlock* head = (BuddyBlock*)_freeLists[order];
        block->Tag = BuddyBlock.FreeTag;
        block->Order = (byte)order;
        block->Previous = null;
        block->Next = head;
        if (head != null)
            head->Previous = block;
        _freeLists[order] = (nuint)block;
        _nonEmpty |= 1UL << order;
    }

    private BuddyBlock* PopFree(int order)
    {
        BuddyBlock* block = (BuddyBlock*)_freeLists[order];
        RemoveFree(block);
        return block;
    }

    private void RemoveFree(BuddyBlock* block)
    {
        int order = block->Order;
        if (block->Previous != null)
            block->Previous->Next = block->Next;
        else
            _freeLists[order] = (nuint)block->Next;
        if (block->Next != null)
            block->Next->Previous = block->Previous;
        if (_freeLists[order] == 0)
            _nonEmpty &= ~(1UL << order);
        // No longer a free block: a stale tag must not make it look like a free buddy later.
        block->Tag = 0;
    }
}
