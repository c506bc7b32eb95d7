namespace Unikraft.Gc.Tests;

// Whole collections over the simulated heap: what roots reach survives with its contents,
// everything else is freed, and the heap's memory is reused and given back.
public sealed unsafe class CollectionTests
{
    [Fact]
    public void LinkedListReachableFromAnInteriorPointerSurvivesAndGarbageIsFreed()
    {
        using var heap = new SimulatedHeap();
        nint list = 0;
        var garbage = new List<nint>();
        for (int i = 0; i < 1000; i++)
        {
            list = heap.NewNode(i, list);
            garbage.Add(heap.NewNode(-i, heap.NewByteArray(i % 300)));
        }

        // A conservative root may point inside the object (a byref into it).
        heap.Collect(list + 12);

        long expected = 999;
        for (nint node = list; node != 0; node = SimulatedHeap.FieldA(node), expected--)
        {
            Assert.True(heap.IsLive(node));
            Assert.Equal(expected, SimulatedHeap.Value(node));
        }
        Assert.Equal(-1, expected);
        Assert.All(garbage, node => Assert.False(heap.IsLive(node)));
        Assert.Equal(1000UL * 40, heap.Heap.BytesInUse);
    }

    [Fact]
    public void WordsThatPointAtFreeCellsOrOutsideTheHeapKeepNothing()
    {
        using var heap = new SimulatedHeap();
        nint node = heap.NewNode(1);
        nint other = heap.NewNode(2);
        heap.Collect(other);
        Assert.False(heap.IsLive(node));

        // node's cell is free now: a stale word pointing at it must not revive it, nor may
        // arbitrary numbers.
        heap.Collect(node, 0, 12345, -1, (nint)heap.Heap.Blocks.Highest);

        Assert.False(heap.IsLive(node));
        Assert.False(heap.IsLive(other));
        Assert.Equal(0UL, heap.Heap.BytesInUse);
    }

    [Fact]
    public void ArrayOfReferencesKeepsItsElementsAndSkipsForeignPointers()
    {
        using var heap = new SimulatedHeap();
        nint array = heap.NewReferenceArray(50);
        for (int i = 0; i < 50; i++)
            SimulatedHeap.Element(array, i) = i % 5 == 0 ? 0 : heap.NewNode(i);
        nint foreign = (nint)System.Runtime.InteropServices.NativeMemory.AllocZeroed(64);
        SimulatedHeap.Element(array, 0) = foreign;
        nint lost = heap.NewNode(-1);

        heap.Collect(array);

        for (int i = 1; i < 50; i++)
        {
            nint element = SimulatedHeap.Element(array, i);
            if (i % 5 != 0)
            {
                Assert.True(heap.IsLive(element));
                Assert.Equal(i, SimulatedHeap.Value(element));
            }
        }
        Assert.False(heap.IsLive(lost));
        System.Runtime.InteropServices.NativeMemory.Free((void*)foreign);
    }

    [Fact]
    public void ArrayOfStructsTracesOnlyTheReferenceFieldsOfEachElement()
    {
        using var heap = new SimulatedHeap();
        nint array = heap.NewStructArray(20);
        var labels = new List<nint>();
        var decoys = new List<nint>();
        for (int i = 0; i < 20; i++)
        {
            nint label = heap.NewNode(i);
            labels.Add(label);
            SimulatedHeap.Label(array, i) = label;
            // The Number and Check fields hold the addresses of other objects: data, not
            // references, so those objects must die.
            nint decoy = heap.NewNode(-i);
            decoys.Add(decoy);
            *(nint*)(array + 16 + 24 * i) = decoy;
            *(nint*)(array + 16 + 24 * i + 16) = decoy;
        }

        heap.Collect(array);

        for (int i = 0; i < 20; i++)
        {
            Assert.True(heap.IsLive(labels[i]));
            Assert.Equal(i, SimulatedHeap.Value(labels[i]));
            Assert.False(heap.IsLive(decoys[i]));
        }
    }

    [Fact]
    public void AFullMarkStackIsFinishedByRescanningTheHeap()
    {
        using var heap = new SimulatedHeap(markStackEntries: 4);
        nint array = heap.NewReferenceArray(300);
        for (int i = 0; i < 300; i++)
            SimulatedHeap.Element(array, i) = heap.NewNode(i, heap.NewNode(1000 + i, heap.NewNode(2000 + i)));
        nint lost = heap.NewNode(-5);

        heap.Collect(array);

        Assert.True(heap.Marker.OverflowRescans > 0);
        for (int i = 0; i < 300; i++)
        {
            nint node = SimulatedHeap.Element(array, i);
            Assert.True(heap.IsLive(node));
            nint second = SimulatedHeap.FieldA(node);
            Assert.True(heap.IsLive(second));
            Assert.True(heap.IsLive(SimulatedHeap.FieldA(second)));
            Assert.Equal(2000 + i, SimulatedHeap.Value(SimulatedHeap.FieldA(second)));
        }
        Assert.False(heap.IsLive(lost));
    }

    [Fact]
    public void LargeObjectsGetTheirOwnBlocksAndGoBackToTheAllocator()
    {
        using var heap = new SimulatedHeap();
        nint kept = heap.NewByteArray(100_000);
        nint dropped = heap.NewByteArray(50_000);
        int blocks = heap.Allocator.Outstanding;

        heap.Collect(kept + 99_000);

        Assert.True(heap.IsLive(kept));
        Assert.False(heap.IsLive(dropped));
        Assert.Equal(blocks - 1, heap.Allocator.Outstanding);
    }

    [Fact]
    public void EmptyBlocksReturnToTheAllocatorAndFreedCellsAreReusedZeroed()
    {
        using var heap = new SimulatedHeap(limit: 256 * 1024);
        int baseline = heap.Allocator.Outstanding;
        // Far more than the 256 KiB the allocator allows, in rounds with a collection between.
        for (int round = 0; round < 50; round++)
        {
            nint keep = 0;
            for (int i = 0; i < 1000; i++)
                keep = heap.NewNode(i, i % 100 == 0 ? 0 : keep);
            heap.Collect(keep);
            Assert.True(heap.IsLive(keep));
        }
        heap.Collect();

        Assert.Equal(0UL, heap.Heap.BytesInUse);
        Assert.Equal(0, heap.Heap.Blocks.Count);
        // Every block went back; only the block table's own array (made by the first block) stays.
        Assert.Equal(baseline + 1, heap.Allocator.Outstanding);
    }

    [Fact]
    public void OverAnAllocatorThatNeverReusesMemoryEmptyBlocksAreKeptAndRefilled()
    {
        using var heap = new SimulatedHeap(limit: 256 * 1024, allocatorFrees: false);
        for (int round = 0; round < 50; round++)
        {
            nint keep = 0;
            for (int i = 0; i < 1000; i++)
                keep = heap.NewNode(i, i % 100 == 0 ? 0 : keep);
            heap.Collect(keep);
            Assert.True(heap.IsLive(keep));
        }
        int blocks = heap.Heap.Blocks.Count;

        heap.Collect();

        Assert.Equal(0UL, heap.Heap.BytesInUse);
        Assert.Equal(blocks, heap.Heap.Blocks.Count);
        Assert.True(heap.Allocator.OutstandingBytes <= 256 * 1024);
    }

    [Fact]
    public void RandomGraphsKeepExactlyWhatTheRootsReach()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            using var heap = new SimulatedHeap(markStackEntries: 16);
            int count = 2000;
            var nodes = new nint[count];
            for (int i = 0; i < count; i++)
                nodes[i] = random.Next(4) == 0 ? heap.NewReferenceArray(random.Next(6)) : heap.NewNode(i);
            var edges = new List<int>[count];
            for (int i = 0; i < count; i++)
            {
                edges[i] = new List<int>();
                bool isArray = *(nint*)nodes[i] == FakeTypes.ReferenceArray;
                int length = isArray ? (int)*(uint*)(nodes[i] + 8) : 2;
                for (int slot = 0; slot < length; slot++)
                {
                    if (random.Next(3) == 0)
                        continue;
                    int target = random.Next(count);
                    edges[i].Add(target);
                    if (isArray)
                        SimulatedHeap.Element(nodes[i], slot) = nodes[target];
                    else
                        ((nint*)nodes[i])[2 + slot] = nodes[target];
                }
            }
            int[] roots = Enumerable.Range(0, 5).Select(_ => random.Next(count)).ToArray();
            var reachable = new HashSet<int>(roots);
            var pending = new Stack<int>(roots);
            while (pending.Count > 0)
            {
                foreach (int target in edges[pending.Pop()])
                {
                    if (reachable.Add(target))
                        pending.Push(target);
                }
            }

            heap.Collect(roots.Select(r => nodes[r]).ToArray());

            for (int i = 0; i < count; i++)
                Assert.True(reachable.Contains(i) == heap.IsLive(nodes[i]), "seed " + seed + ", node " + i);
        }
    }
}
