using Internal.Runtime;

namespace Uk.Gc.MarkSweep;

// What the collector does with the runtime's GC handles and objects with finalizers
// (Internal.Runtime.TrackedReferences), in the order .NET's collector does it: strong handles
// and objects waiting for their finalizer are roots; once marking has finished, dependent
// handles mark their secondaries while their primaries are marked (to a fixpoint), short weak
// handles to unmarked objects are cleared, unmarked objects with finalizers are queued for the
// finalizer thread and marked (with all they reach) so the finalizer finds them whole, then
// long weak handles and dependent handles whose primary died are cleared. All with interrupts
// off, in the pause that ends marking.
internal static unsafe class TrackedReferenceProcessing
{
    // Strong handles and the queue of objects waiting for their finalizer. Called with the other
    // roots, and again in an incremental collection's final pause: handles made or set while it
    // marked store no barrier.
    public static void MarkRoots(TrackedReferences* tracked, Marker marker)
    {
        if (tracked == null)
            return;
        for (HandleSegment* segment = tracked->Handles; segment != null; segment = segment->Next)
        {
            for (nint i = 0; i < segment->Used; i++)
            {
                HandleSlot* slot = segment->Slots + i;
                if (slot->Kind == HandleKind.Strong)
                    marker.MarkExact(slot->Target);
            }
        }
        for (nint i = 0; i < tracked->ReadyCount; i++)
            marker.MarkExact(tracked->Finalizable[i]);
    }

    // After the marker has drained: decides the weak handles and finalization. Returns the number
    // of objects newly queued for their finalizer.
    public static nint AfterMarking(TrackedReferences* tracked, Marker marker)
    {
        if (tracked == null)
            return 0;
        MarkDependentSecondaries(tracked, marker);
        ClearUnmarkedTargets(tracked, marker, HandleKind.WeakShort);
        nint queued = QueueUnreachableFinalizable(tracked, marker);
        if (queued > 0)
            MarkDependentSecondaries(tracked, marker);
        ClearUnmarkedTargets(tracked, marker, HandleKind.WeakLong);
        ClearDeadDependents(tracked, marker);
        return queued;
    }

    // A secondary may itself be (or reach) the primary of another dependent handle: repeat until
    // a pass marks nothing new.
    private static void MarkDependentSecondaries(TrackedReferences* tracked, Marker marker)
    {
        bool markedAny;
        do
        {
            markedAny = false;
            for (HandleSegment* segment = tracked->Handles; segment != null; segment = segment->Next)
            {
                for (nint i = 0; i < segment->Used; i++)
                {
                    HandleSlot* slot = segment->Slots + i;
                    if (slot->Kind != HandleKind.Dependent || slot->Target == 0 || slot->Secondary == 0)
                        continue;
                    if (marker.IsLive(slot->Target) && !marker.IsLive(slot->Secondary))
                    {
                        marker.MarkExact(slot->Secondary);
                        markedAny = true;
                    }
                }
            }
            marker.Drain();
        }
        while (markedAny);
    }

    private static void ClearUnmarkedTargets(TrackedReferences* tracked, Marker marker, nint kind)
    {
        for (HandleSegment* segment = tracked->Handles; segment != null; segment = segment->Next)
        {
            for (nint i = 0; i < segment->Used; i++)
            {
                HandleSlot* slot = segment->Slots + i;
                if (slot->Kind == kind && !marker.IsLive(slot->Target))
                    slot->Target = 0;
            }
        }
    }

    // A dead primary takes its secondary with it; a secondary that is not marked is about to be
    // freed, so the slot must not keep its address either way.
    private static void ClearDeadDependents(TrackedReferences* tracked, Marker marker)
    {
        for (HandleSegment* segment = tracked->Handles; segment != null; segment = segment->Next)
        {
            for (nint i = 0; i < segment->Used; i++)
            {
                HandleSlot* slot = segment->Slots + i;
                if (slot->Kind != HandleKind.Dependent)
                    continue;
                if (!marker.IsLive(slot->Target))
                    slot->Target = 0;
                if (!marker.IsLive(slot->Secondary))
                    slot->Secondary = 0;
            }
        }
    }

    // Moves every unmarked registered object into the ready part of the list first, then marks
    // them: objects reachable only from one another are all queued together, as in .NET.
    private static nint QueueUnreachableFinalizable(TrackedReferences* tracked, Marker marker)
    {
        nint* entries = tracked->Finalizable;
        nint firstQueued = tracked->ReadyCount;
        for (nint i = tracked->ReadyCount; i < tracked->FinalizableCount; i++)
        {
            if (marker.IsLive(entries[i]))
                continue;
            nint ready = tracked->ReadyCount++;
            (entries[i], entries[ready]) = (entries[ready], entries[i]);
        }
        for (nint i = firstQueued; i < tracked->ReadyCount; i++)
            marker.MarkExact(entries[i]);
        marker.Drain();
        return tracked->ReadyCount - firstQueued;
    }
}
