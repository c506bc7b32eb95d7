using Uk.Alloc;

namespace Uk.Gc.MarkSweep;

// Marked objects whose fields are still to be traced. Fixed size, so tracing never recurses
// and never allocates: when it is full, Push drops the object (it stays marked) and records
// the overflow; the marker then finds dropped objects by rescanning the heap.
internal sealed unsafe class MarkStack
{
    private readonly nint* _items;
    private readonly int _capacity;
    private int _count;

    public MarkStack(IAllocator allocator, int capacity)
    {
        _items = (nint*)allocator.Allocate((nuint)capacity * (nuint)sizeof(nint));
        if (_items == null)
            throw new System.OutOfMemoryException("ukgc-marksweep: no memory for the mark stack");
        _capacity = capacity;
    }

    public int Count => _count;

    public int Capacity => _capacity;

    public bool Overflowed { get; private set; }

    public void Push(nint item)
    {
        if (_count == _capacity)
        {
            Overflowed = true;
            return;
        }
        _items[_count++] = item;
    }

    public bool TryPop(out nint item)
    {
        if (_count == 0)
        {
            item = 0;
            return false;
        }
        item = _items[--_count];
        return true;
    }

    public void ClearOverflow() => Overflowed = false;
}
