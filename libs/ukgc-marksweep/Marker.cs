namespace Uk.Gc.MarkSweep;

// The mark phase: marks what the roots reach and traces fields until nothing new is reached.
// Roots are conservative (any word that points into an allocated object keeps it, interior
// pointers included); fields of heap objects are precise (from the GC descriptor).
internal sealed unsafe class Marker
{
    private readonly BlockTable _blocks;
    private readonly MarkStack _stack;

    public Marker(BlockTable blocks, MarkStack stack)
    {
        _blocks = blocks;
        _stack = stack;
    }

    public ulong ObjectsMarked { get; private set; }

    public ulong OverflowRescans { get; private set; }

    // Bytes of the objects marked since Reset: the measure of an incremental step's work.
    public ulong BytesMarked { get; private set; }

    public void Reset()
    {
        // Blocks freed by the last sweep may be gone.
        _lastBlock = null;
        ObjectsMarked = 0;
        BytesMarked = 0;
        _stack.ClearOverflow();
    }

    // A word that may or may not be a reference: a stack slot, a saved register, a static.
    public void MarkConservative(nint word) => MarkAddress((nuint)word);

    // Every 8-byte aligned word of [start, end).
    public void MarkRange(void* start, void* end)
    {
        nint* word = (nint*)(((nuint)start + 7) & ~(nuint)7);
        nuint lowest = _blocks.Lowest;
        nuint span = _blocks.Highest - lowest;
        for (; word + 1 <= (nint*)end; word++)
        {
            // One unsigned compare rules out null, small numbers and addresses outside the heap.
            if ((nuint)(*word) - lowest < span)
                MarkAddress((nuint)(*word));
        }
    }

    // Every 8-byte aligned word of [start, end) that is the exact start of an allocated
    // object: for memory that holds references only in fields and statics (the image's data,
    // the early heap), never interior pointers. Text and numbers there (a frozen string's
    // characters read as a word) would otherwise keep a large array alive forever.
    public void MarkObjectStarts(void* start, void* end)
    {
        nint* word = (nint*)(((nuint)start + 7) & ~(nuint)7);
        nuint lowest = _blocks.Lowest;
        nuint span = _blocks.Highest - lowest;
        for (; word + 1 <= (nint*)end; word++)
        {
            nuint address = (nuint)(*word);
            if (address - lowest < span)
            {
                HeapBlock* block = _blocks.Find(address);
                if (block != null && block->ObjectStart(address) == (byte*)address)
                    MarkAddress(address);
            }
        }
    }

    // A field the GC descriptor says holds a reference: null, an object of this heap, or an
    // object outside it (frozen in the image, early heap), which is never collected.
    public void MarkExact(nint reference)
    {
        if ((nuint)reference - _blocks.Lowest < _blocks.Highest - _blocks.Lowest)
            MarkAddress((nuint)reference);
    }

    // Whether the object a reference names survives this collection: marked, or outside the
    // heap (frozen in the image, the early heap, pre-collector objects: never freed). Null is
    // live too: nothing to clear.
    public bool IsLive(nint reference)
    {
        nuint address = (nuint)reference;
        if (address - _blocks.Lowest >= _blocks.Highest - _blocks.Lowest)
            return true;
        HeapBlock* block = _blocks.Find(address);
        if (block == null)
            return true;
        byte* obj = block->ObjectStart(address);
        return obj != null && block->IsMarked(block->IndexOf(obj));
    }

    // An object outside the heap (allocated before the collector started) whose fields are roots.
    public void TraceRoot(void* obj) => GcDescriptor.MarkReferences((byte*)obj, this);

    // Traces until every reached object's fields are marked.
    public void Drain()
    {
        while (true)
        {
            while (_stack.TryPop(out nint obj))
                GcDescriptor.MarkReferences((byte*)obj, this);
            if (!_stack.Overflowed)
                return;
            // Some marked objects were dropped untraced: trace every marked object again (the
            // traced ones find their children marked already), until nothing is dropped.
            _stack.ClearOverflow();
            OverflowRescans++;
            RetraceMarked();
        }
    }

    // Traces until about bytes more are marked or nothing is left; true when nothing is left.
    // A mark-stack overflow is finished here in one go (a rescan of the heap).
    public bool DrainSome(ulong bytes)
    {
        ulong target = BytesMarked + bytes;
        while (BytesMarked < target)
        {
            if (_stack.TryPop(out nint obj))
            {
                GcDescriptor.MarkReferences((byte*)obj, this);
                continue;
            }
            if (!_stack.Overflowed)
                return true;
            _stack.ClearOverflow();
            OverflowRescans++;
            RetraceMarked();
        }
        return _stack.Count == 0 && !_stack.Overflowed;
    }

    private void RetraceMarked()
    {
        for (int b = 0; b < _blocks.Count; b++)
        {
            HeapBlock* block = _blocks[b];
            for (int index = 0; index < block->CellCount; index++)
            {
                if (block->IsMarked(index))
                {
                    GcDescriptor.MarkReferences(block->Cells + (nuint)index * block->CellSize, this);
                    while (_stack.TryPop(out nint obj))
                        GcDescriptor.MarkReferences((byte*)obj, this);
                }
            }
        }
    }

    // The block of the last object marked: objects allocated together tend to point at each
    // other, so this often saves the search.
    private HeapBlock* _lastBlock;

    private void MarkAddress(nuint address)
    {
        HeapBlock* block = _lastBlock;
        if (block == null || address < (nuint)block || address >= (nuint)block->End)
        {
            block = _blocks.Find(address);
            if (block == null)
                return;
            _lastBlock = block;
        }
        byte* obj = block->ObjectStart(address);
        if (obj == null || !block->TryMark(block->IndexOf(obj)))
            return;
        ObjectsMarked++;
        BytesMarked += block->CellSize;
        if (GcDescriptor.HasReferences(obj))
            _stack.Push((nint)obj);
    }
}
