namespace Uk.Gc.MarkSweep;

// The incremental mark phase: snapshot at the beginning. Begin turns on the write barriers and
// black allocation; the caller then marks the roots in the same pause. Steps trace a bounded
// amount; what the barriers recorded (references overwritten since Begin) is shaded first, so
// every object reachable when marking began is marked even if the mutator moved its last
// reference into an object already traced. Objects allocated meanwhile are born marked.
internal sealed unsafe class IncrementalMarking
{
    private readonly BlockHeap _heap;
    private readonly BarrierState* _barrier;

    public IncrementalMarking(BlockHeap heap, BarrierState* barrier)
    {
        _heap = heap;
        _barrier = barrier;
    }

    public bool IsMarking => _barrier->Marking != 0;

    public void Begin()
    {
        _heap.Marker.Reset();
        _heap.AllocateMarked = true;
        _barrier->Count = 0;
        _barrier->Marking = 1;
    }

    // Shades what the barriers recorded and traces about bytes of objects; true when nothing is
    // left to trace (until the barriers record more).
    public bool Step(ulong bytes)
    {
        ShadeRecorded();
        return _heap.Marker.DrainSome(bytes);
    }

    // Empties the barriers' buffer into the mark stack; the barrier calls this when it is full.
    public void ShadeRecorded()
    {
        nint* entries = BarrierState.Entries(_barrier);
        long count = _barrier->Count;
        for (long i = 0; i < count; i++)
        {
            _heap.Marker.MarkExact(entries[i]);
            // The buffer lies in the image's data, which later collections scan for object
            // starts: a stale entry there would keep its object alive for good.
            entries[i] = 0;
        }
        _barrier->Count = 0;
    }

    // Memory about to be overwritten by a bulk copy or clear: every word that may be a reference
    // is shaded (conservatively: the bytes' types are not known here).
    public void ShadeRange(void* start, void* end) => _heap.Marker.MarkRange(start, end);

    // Finishes marking (the caller has rescanned what it must), settles the runtime's weak
    // handles and finalization (null: none) and sweeps: after this the barriers only store
    // again. Returns the objects queued for their finalizer.
    public nint Finish(Internal.Runtime.TrackedReferences* tracked = null)
    {
        ShadeRecorded();
        _heap.Marker.Drain();
        nint queued = TrackedReferenceProcessing.AfterMarking(tracked, _heap.Marker);
        _barrier->Marking = 0;
        _barrier->Count = 0;
        _heap.AllocateMarked = false;
        _heap.Sweep();
        return queued;
    }
}
