using Uk.Gc.MarkSweep;

namespace Unikraft.Gc.Tests;

// A BlockHeap over native memory with helpers that build objects of the fake types, as the
// runtime's allocation helpers would (method table first, array length at +8).
internal sealed unsafe class SimulatedHeap : IDisposable
{
    public SimulatedHeap(int markStackEntries = 1024, long limit = long.MaxValue, bool allocatorFrees = true)
    {
        Allocator = new NativeAllocator(limit, allocatorFrees);
        Heap = new BlockHeap(Allocator, markStackEntries);
    }

    public NativeAllocator Allocator { get; }

    public BlockHeap Heap { get; }

    public Marker Marker => Heap.Marker;

    public nint NewNode(long value, nint a = 0, nint b = 0)
    {
        nint obj = New(FakeTypes.Node, 40);
        ((long*)obj)[1] = value;
        ((nint*)obj)[2] = a;
        ((nint*)obj)[3] = b;
        return obj;
    }

    public nint NewReferenceArray(int length) => NewArray(FakeTypes.ReferenceArray, length, 8);

    public nint NewByteArray(int length) => NewArray(FakeTypes.ByteArray, length, 1);

    public nint NewStructArray(int length) => NewArray(FakeTypes.StructArray, length, 24);

    public static long Value(nint node) => ((long*)node)[1];

    public static nint FieldA(nint node) => ((nint*)node)[2];

    public static ref nint Element(nint array, int index) => ref ((nint*)(array + 16))[index];

    // Element index's Label field (struct of Number, Label, Check).
    public static ref nint Label(nint array, int index) => ref *(nint*)(array + 16 + 24 * index + 8);

    public bool IsLive(nint obj)
    {
        HeapBlock* block = Heap.Blocks.Find((nuint)obj);
        return block != null && block->ObjectStart((nuint)obj) == (byte*)obj;
    }

    // One whole collection with the given conservative roots.
    public void Collect(params nint[] roots)
    {
        Marker.Reset();
        foreach (nint root in roots)
            Marker.MarkConservative(root);
        Marker.Drain();
        Heap.Sweep();
    }

    // A whole collection that also settles the runtime's handles and finalization, as
    // MarkSweepCollector.Collect does.
    public void Collect(SimulatedTrackedReferences tracked, params nint[] roots)
    {
        Marker.Reset();
        foreach (nint root in roots)
            Marker.MarkConservative(root);
        TrackedReferenceProcessing.MarkRoots(tracked.Tables, Marker);
        Marker.Drain();
        TrackedReferenceProcessing.AfterMarking(tracked.Tables, Marker);
        Heap.Sweep();
    }

    private nint NewArray(nint type, int length, int componentSize)
    {
        nint obj = New(type, (nuint)((24 + length * componentSize + 7) & ~7));
        *(uint*)(obj + 8) = (uint)length;
        return obj;
    }

    private nint New(nint type, nuint size)
    {
        void* memory = Heap.Allocate(size);
        Assert.True(memory != null, "the simulated heap is out of memory");
        // The object's header word (below it) and data are zero; its size's last 8 bytes are
        // the next cell's header, which a live neighbour may use.
        for (nint i = -8; i < (nint)size - 8; i++)
            Assert.Equal(0, ((byte*)memory)[i]);
        *(nint*)memory = type;
        return (nint)memory;
    }

    public void Dispose() => Allocator.Dispose();
}
