using System.Runtime.InteropServices;

namespace Unikraft.Gc.Tests;

// Memory scanned for object starts only (the image's data, the early heap): a word that is an
// object's address keeps it; a word that merely falls inside an object (text or numbers that
// happen to look like an address there) does not, as it would on a stack.
public sealed unsafe class ObjectStartRootTests
{
    [Fact]
    public void OnlyExactObjectStartsKeepObjectsButAStackKeepsInteriorPointersToo()
    {
        using var heap = new SimulatedHeap();
        nint referenced = heap.NewNode(1, heap.NewNode(2));
        nint large = heap.NewByteArray(64 * 1024);
        nint small = heap.NewByteArray(100);
        nint* data = (nint*)NativeMemory.AllocZeroed((nuint)(4 * sizeof(nint)));
        try
        {
            data[0] = referenced;
            data[1] = large + 0x1000;
            data[2] = small + 24;
            data[3] = 12345;

            Collect(heap, data, objectStartsOnly: true);
            Assert.True(heap.IsLive(referenced));
            Assert.True(heap.IsLive(SimulatedHeap.FieldA(referenced)));
            Assert.False(heap.IsLive(large));
            Assert.False(heap.IsLive(small));

            nint large2 = heap.NewByteArray(64 * 1024);
            nint small2 = heap.NewByteArray(100);
            data[1] = large2 + 0x1000;
            data[2] = small2 + 24;
            Collect(heap, data, objectStartsOnly: false);
            Assert.True(heap.IsLive(referenced));
            Assert.True(heap.IsLive(large2));
            Assert.True(heap.IsLive(small2));
        }
        finally
        {
            NativeMemory.Free(data);
        }
    }

    private static void Collect(SimulatedHeap heap, nint* data, bool objectStartsOnly)
    {
        heap.Marker.Reset();
        if (objectStartsOnly)
            heap.Marker.MarkObjectStarts(data, data + 4);
        else
            heap.Marker.MarkRange(data, data + 4);
        heap.Marker.Drain();
        heap.Heap.Sweep();
    }
}
