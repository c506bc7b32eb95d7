using Uk.Alloc;

namespace Uk.Gc.MarkSweep;

// Every block of the collector's heap, sorted by address, so any word can be checked for
// "points into an allocated object" with a range test and a binary search. Kept in memory
// from the allocator, not in managed arrays: it changes during collections, which must not
// allocate managed objects.
internal sealed unsafe class BlockTable
{
    private readonly IAllocator _allocator;
    private HeapBlock** _blocks;
    private int _count;
    private int _capacity;
    private nuint _lowest = ~(nuint)0;
    private nuint _highest;

    public BlockTable(IAllocator allocator) => _allocator = allocator;

    public int Count => _count;

    // No block lies outside [Lowest, Highest): most words are ruled out by this test alone.
    public nuint Lowest => _lowest;

    public nuint Highest => _highest;

    public HeapBlock* this[int index] => _blocks[index];

    // False when the table cannot grow (the allocator is out of memory).
    public bool Add(HeapBlock* block)
    {
        if (_count == _capacity && !Grow())
            return false;
        int position = _count;
        while (position > 0 && _blocks[position - 1] > block)
        {
            _blocks[position] = _blocks[position - 1];
            position--;
        }
        _blocks[position] = block;
        _count++;
        if ((nuint)block < _lowest)
            _lowest = (nuint)block;
        if ((nuint)block->End > _highest)
            _highest = (nuint)block->End;
        return true;
    }

    // The block address lies in, or null.
    public HeapBlock* Find(nuint address)
    {
        if (address < _lowest || address >= _highest)
            return null;
        int low = 0;
        int high = _count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if ((nuint)_blocks[middle] <= address)
                low = middle;
            else
                high = middle - 1;
        }
        HeapBlock* block = _blocks[low];
        return (nuint)block <= address && address < (nuint)block->End ? block : null;
    }

    // Drops the blocks remove picks (in place, order kept) and hands each to release.
    public void RemoveWhere(delegate*<HeapBlock*, bool> remove, delegate*<IAllocator, HeapBlock*, void> release)
    {
        int kept = 0;
        _lowest = ~(nuint)0;
        _highest = 0;
        for (int i = 0; i < _count; i++)
        {
            HeapBlock* block = _blocks[i];
            if (remove(block))
            {
                release(_allocator, block);
                continue;
            }
            _blocks[kept++] = block;
            if ((nuint)block < _lowest)
                _lowest = (nuint)block;
            if ((nuint)block->End > _highest)
                _highest = (nuint)block->End;
        }
        _count = kept;
    }

    public nuint TableBytes => (nuint)_capacity * (nuint)sizeof(HeapBlock*);

    private bool Grow()
    {
        int capacity = _capacity == 0 ? 256 : _capacity * 2;
        var larger = (HeapBlock**)_allocator.Allocate((nuint)capacity * (nuint)sizeof(HeapBlock*));
        if (larger == null)
            return false;
        for (int i = 0; i < _count; i++)
            larger[i] = _blocks[i];
        if (_blocks != null)
            _allocator.Free(_blocks);
        _blocks = larger;
        _capacity = capacity;
        return true;
    }
}
