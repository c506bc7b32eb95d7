using Uk.Core;

namespace Uk.Gc.MarkSweep;

// ukgc-marksweep: stop the world (interrupts are off: ManagedHeap collects with them off on the
// one CPU), mark from the roots, sweep the blocks.
internal sealed unsafe class MarkSweepCollector : ICollector
{
    private readonly BlockHeap _heap;

    public MarkSweepCollector(BlockHeap heap) => _heap = heap;

    public string Name => "ukgc-marksweep";

    public ulong BytesInUse => _heap.BytesInUse;

    public ulong HeapBytes => _heap.BlockBytes;

    public void* Allocate(nuint size) => _heap.Allocate(size);

    public void Collect()
    {
        Marker marker = _heap.Marker;
        marker.Reset();
        ulong started = Plat.ReadTimestampCounter();
        Roots.MarkAll(marker);
        ulong rootsDone = Plat.ReadTimestampCounter();
        marker.Drain();
        ulong traced = Plat.ReadTimestampCounter();
        _heap.Sweep();
        MarkSweepPhases.RootCycles += rootsDone - started;
        MarkSweepPhases.TraceCycles += traced - rootsDone;
        MarkSweepPhases.SweepCycles += Plat.ReadTimestampCounter() - traced;
        MarkSweepPhases.ObjectsMarked += marker.ObjectsMarked;
        MarkSweepPhases.OverflowRescans = marker.OverflowRescans;
    }
}
