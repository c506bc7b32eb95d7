using Internal.Runtime;
using Uk.Gc.MarkSweep;

namespace Unikraft.Gc.Tests;

// The runtime's GC handles and finalization list as the collector settles them after marking
// (TrackedReferenceProcessing): weak handles cleared when their target dies, short ones before
// finalization keeps objects, long ones after; dependent secondaries alive exactly while their
// primary is; unreachable objects with finalizers queued once, kept whole, then freed.
public sealed unsafe class TrackedReferenceTests
{
    private static nint* FieldA(nint node) => (nint*)node + 2;

    [Fact]
    public void StrongHandlesKeepTheirTargetsAndWeakHandlesToDeadObjectsAreCleared()
    {
        using var heap = new SimulatedHeap();
        using var tracked = new SimulatedTrackedReferences();
        nint held = heap.NewNode(1, heap.NewByteArray(10));
        nint live = heap.NewNode(2);
        nint dead = heap.NewNode(3);
        HandleSlot* strong = tracked.Alloc(HandleKind.Strong, held);
        HandleSlot* weakToLive = tracked.Alloc(HandleKind.WeakShort, live);
        HandleSlot* weakToDead = tracked.Alloc(HandleKind.WeakLong, dead);
        HandleSlot* weakToHeld = tracked.Alloc(HandleKind.WeakShort, held);

        heap.Collect(tracked, live);

        Assert.True(heap.IsLive(held));
        Assert.True(heap.IsLive(SimulatedHeap.FieldA(held)));
        Assert.Equal(held, strong->Target);
        Assert.Equal(live, weakToLive->Target);
        Assert.Equal(held, weakToHeld->Target);
        Assert.Equal(0, weakToDead->Target);
        Assert.False(heap.IsLive(dead));
    }

    [Fact]
    public void ADependentSecondaryLivesExactlyAsLongAsItsPrimaryThroughChains()
    {
        using var heap = new SimulatedHeap();
        using var tracked = new SimulatedTrackedReferences();
        nint key = heap.NewNode(1);
        nint value = heap.NewNode(2, heap.NewByteArray(8));
        nint valueOfValue = heap.NewNode(3);
        // The second handle's primary is the first's secondary, and it is listed first: one
        // pass over the handles is not enough.
        HandleSlot* chained = tracked.Alloc(HandleKind.Dependent, value, valueOfValue);
        HandleSlot* first = tracked.Alloc(HandleKind.Dependent, key, value);

        heap.Collect(tracked, key);

        Assert.True(heap.IsLive(value));
        Assert.True(heap.IsLive(SimulatedHeap.FieldA(value)));
        Assert.True(heap.IsLive(valueOfValue));
        Assert.Equal(value, first->Secondary);
        Assert.Equal(valueOfValue, chained->Secondary);

        heap.Collect(tracked);

        Assert.False(heap.IsLive(key));
        Assert.False(heap.IsLive(value));
        Assert.False(heap.IsLive(valueOfValue));
        Assert.Equal(0, first->Target);
        Assert.Equal(0, first->Secondary);
        Assert.Equal(0, chained->Target);
        Assert.Equal(0, chained->Secondary);
    }

    [Fact]
    public void ADependentHandleDoesNotKeepItsPrimary()
    {
        using var heap = new SimulatedHeap();
        using var tracked = new SimulatedTrackedReferences();
        nint key = heap.NewNode(1);
        nint value = heap.NewNode(2, key);
        HandleSlot* handle = tracked.Alloc(HandleKind.Dependent, key, value);

        // The secondary points back at the primary: still both unreachable.
        heap.Collect(tracked);

        Assert.False(heap.IsLive(key));
        Assert.False(heap.IsLive(value));
        Assert.Equal(0, handle->Target);
    }

    [Fact]
    public void UnreachableObjectsWithFinalizersAreQueuedOnceKeptWholeAndFreedAfterTheirFinalizer()
    {
        using var heap = new SimulatedHeap();
        using var tracked = new SimulatedTrackedReferences();
        nint reachable = heap.NewNode(1);
        // Two finalizable objects reachable only from each other: both are queued together.
        nint first = heap.NewNode(2, heap.NewByteArray(50));
        nint second = heap.NewNode(3, first);
        *((nint*)first + 3) = second;
        foreach (nint obj in new[] { reachable, first, second })
            tracked.Register(obj);

        heap.Collect(tracked, reachable);

        Assert.Equal(2, tracked.Tables->ReadyCount);
        Assert.True(heap.IsLive(first));
        Assert.True(heap.IsLive(second));
        Assert.True(heap.IsLive(SimulatedHeap.FieldA(first)));
        Assert.Equal([reachable], tracked.Registered());

        // Waiting for the finalizer thread they stay, and are not queued twice.
        heap.Collect(tracked, reachable);
        Assert.Equal(2, tracked.Tables->ReadyCount);
        Assert.Equal(3, tracked.Tables->FinalizableCount);

        List<nint> ready = tracked.TakeReady();
        Assert.Equal(new[] { first, second }.Order(), ready.Order());
        heap.Collect(tracked, reachable);

        Assert.False(heap.IsLive(first));
        Assert.False(heap.IsLive(second));
        Assert.Equal(0, tracked.Tables->ReadyCount);
        Assert.Equal([reachable], tracked.Registered());
    }

    [Fact]
    public void ShortWeakHandlesAreClearedBeforeFinalizationLongOnesOnlyOnceTheObjectIsGone()
    {
        using var heap = new SimulatedHeap();
        using var tracked = new SimulatedTrackedReferences();
        nint finalizable = heap.NewNode(1);
        tracked.Register(finalizable);
        HandleSlot* shortWeak = tracked.Alloc(HandleKind.WeakShort, finalizable);
        HandleSlot* longWeak = tracked.Alloc(HandleKind.WeakLong, finalizable);
        // A dependent handle on it keeps its secondary while the finalizer may still run.
        nint secondary = heap.NewNode(2);
        HandleSlot* dependent = tracked.Alloc(HandleKind.Dependent, finalizable, secondary);

        heap.Collect(tracked);

        Assert.Equal(0, shortWeak->Target);
        Assert.Equal(finalizable, longWeak->Target);
        Assert.Equal(secondary, dependent->Secondary);
        Assert.True(heap.IsLive(secondary));

        tracked.TakeReady();
        heap.Collect(tracked);

        Assert.Equal(0, longWeak->Target);
        Assert.Equal(0, dependent->Secondary);
        Assert.False(heap.IsLive(finalizable));
    }

    [Fact]
    public void AWeakTargetReadWhileMarkingAndStoredIntoABornMarkedObjectIsNotCleared()
    {
        using var heap = new SimulatedHeap();
        using var barrier = new SimulatedBarrier(heap);
        using var tracked = new SimulatedTrackedReferences();
        nint onlyWeak = heap.NewNode(7);
        HandleSlot* weak = tracked.Alloc(HandleKind.WeakShort, onlyWeak);
        nint unreachable = heap.NewNode(8);
        HandleSlot* weakToGarbage = tracked.Alloc(HandleKind.WeakShort, unreachable);

        // The mutator reads the weak handle's target (CoreLib reads it inline, no barrier) and
        // stores it into an object made while marking: the store's insertion barrier shades it.
        barrier.Marking.Begin();
        TrackedReferenceProcessing.MarkRoots(tracked.Tables, heap.Marker);
        nint holder = heap.NewNode(0);
        barrier.Store(FieldA(holder), weak->Target);
        while (!barrier.Marking.Step(64))
        {
        }
        TrackedReferenceProcessing.MarkRoots(tracked.Tables, heap.Marker);
        barrier.Marking.Finish(tracked.Tables);

        Assert.Equal(onlyWeak, weak->Target);
        Assert.True(heap.IsLive(onlyWeak));
        Assert.Equal(0, weakToGarbage->Target);
        Assert.False(heap.IsLive(unreachable));
    }

    [Fact]
    public void AllocatingIntoAFreedCellKeepsTheHeaderWordOfTheLiveObjectAfterIt()
    {
        using var heap = new SimulatedHeap();
        nint first = heap.NewNode(1);
        nint second = heap.NewNode(2);
        Assert.Equal(second, first + 40);
        // .NET keeps an object's hash code and thin lock in the word below it.
        *((long*)second - 1) = 0x1234_5678;

        heap.Collect(second);
        Assert.False(heap.IsLive(first));
        nint reused = heap.NewNode(3);

        Assert.Equal(first, reused);
        Assert.Equal(0x1234_5678, *((long*)second - 1));
    }
}
