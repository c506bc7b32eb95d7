using System.Runtime.InteropServices;
using Internal.Runtime;
using Uk.Core;

namespace Uk.Gc.MarkSweep;

// ukgc-marksweep: mark from the roots, sweep the blocks, with interrupts off (ManagedHeap calls
// in with them off on the one CPU). Whole (stop the world), or incrementally: an initial pause
// marks the roots and turns on the write barriers, steps paced by allocation trace the heap,
// and a final pause shades what the barriers recorded, rescans the thread stacks and sweeps.
internal sealed unsafe class MarkSweepCollector : ICollector
{
    // For the barriers' flush entry and the bulk copy paths, which are static functions.
    private static IncrementalMarking? s_incremental;

    private readonly BlockHeap _heap;
    private readonly IncrementalMarking? _incremental;
    private readonly ulong _pace;

    public MarkSweepCollector(BlockHeap heap, bool incremental, ulong pace)
    {
        _heap = heap;
        _pace = pace;
        if (!incremental)
            return;
        var barrier = (BarrierState*)Internal.Runtime.WriteBarrier.State;
        barrier->Flush = (nint)(delegate* unmanaged<void>)&FlushBarrier;
        _incremental = s_incremental = new IncrementalMarking(heap, barrier);
        Internal.Runtime.WriteBarrier.InstallBulkPaths(&BulkPaths.Move, &BulkPaths.Clear);
    }

    public string Name => "ukgc-marksweep";

    public ulong BytesInUse => _heap.BytesInUse;

    public ulong HeapBytes => _heap.BlockBytes;

    public ulong BytesReachedByLastCollection { get; private set; }

    public bool InCollection => _incremental is not null && _incremental.IsMarking;

    public void* Allocate(nuint size) => _heap.Allocate(size);

    public void Collect()
    {
        if (InCollection)
        {
            MarkSweepPhases.WholeWhileMarking++;
            Finish();
        }
        Marker marker = _heap.Marker;
        marker.Reset();
        ulong started = Plat.ReadTimestampCounter();
        Roots.MarkAll(marker);
        ulong rootsDone = Plat.ReadTimestampCounter();
        marker.Drain();
        TrackedReferenceProcessing.AfterMarking(TrackedReferences.Installed, marker);
        ulong traced = Plat.ReadTimestampCounter();
        _heap.Sweep();
        MarkSweepPhases.RootCycles += rootsDone - started;
        MarkSweepPhases.TraceCycles += traced - rootsDone;
        MarkSweepPhases.SweepCycles += Plat.ReadTimestampCounter() - traced;
        MarkSweepPhases.ObjectsMarked += marker.ObjectsMarked;
        MarkSweepPhases.OverflowRescans = marker.OverflowRescans;
        MarkSweepPhases.WholeCollections++;
        BytesReachedByLastCollection = marker.BytesMarked;
    }

    public bool BeginCollection()
    {
        if (_incremental is null)
            return false;
        ulong started = Plat.ReadTimestampCounter();
        _incremental.Begin();
        Roots.MarkAll(_heap.Marker);
        MarkSweepPhases.RootCycles += Plat.ReadTimestampCounter() - started;
        return true;
    }

    public bool Step(ulong allocatedBytes)
    {
        ulong started = Plat.ReadTimestampCounter();
        bool done = _incremental!.Step(allocatedBytes * _pace);
        MarkSweepPhases.TraceCycles += Plat.ReadTimestampCounter() - started;
        if (!done)
            return false;
        Finish();
        return true;
    }

    private void Finish()
    {
        ulong started = Plat.ReadTimestampCounter();
        _incremental!.ShadeRecorded();
        Roots.MarkThreads(_heap.Marker);
        TrackedReferenceProcessing.MarkRoots(TrackedReferences.Installed, _heap.Marker);
        ulong rootsDone = Plat.ReadTimestampCounter();
        _incremental.Finish(TrackedReferences.Installed);
        MarkSweepPhases.RootCycles += rootsDone - started;
        MarkSweepPhases.SweepCycles += Plat.ReadTimestampCounter() - rootsDone;
        MarkSweepPhases.ObjectsMarked += _heap.Marker.ObjectsMarked;
        MarkSweepPhases.OverflowRescans = _heap.Marker.OverflowRescans;
        MarkSweepPhases.IncrementalCollections++;
        BytesReachedByLastCollection = _heap.Marker.BytesMarked;
    }

    // Called by a write barrier, interrupts off, when its buffer is full.
    [UnmanagedCallersOnly]
    private static void FlushBarrier() => s_incremental!.ShadeRecorded();

    // Copies and clears of memory that may hold references (Internal.Runtime.WriteBarrier):
    // while marking, what they overwrite is shaded first, and what a copy stores (the
    // insertion half of the barrier, see runtime/helpers.asm). Chunk by chunk with interrupts off,
    // so marking cannot begin between the test and the overwrite, yet interrupts wait no
    // longer than one chunk.
    private static class BulkPaths
    {
        private const nuint ChunkBytes = 2048;

        public static void Move(byte* destination, byte* source, nuint length)
        {
            bool forward = destination <= source || destination >= source + length;
            nuint done = 0;
            while (done < length)
            {
                nuint chunk = length - done < ChunkBytes ? length - done : ChunkBytes;
                nuint offset = forward ? done : length - done - chunk;
                ulong flags = Plat.DisableInterrupts();
                Shade(destination + offset, chunk);
                Shade(source + offset, chunk);
                System.MemoryBlock.Move(destination + offset, source + offset, chunk);
                Plat.RestoreInterrupts(flags);
                done += chunk;
            }
        }

        public static void Clear(byte* destination, nuint length)
        {
            nuint done = 0;
            while (done < length)
            {
                nuint chunk = length - done < ChunkBytes ? length - done : ChunkBytes;
                ulong flags = Plat.DisableInterrupts();
                Shade(destination + done, chunk);
                System.MemoryBlock.Fill(destination + done, 0, chunk);
                Plat.RestoreInterrupts(flags);
                done += chunk;
            }
        }

        private static void Shade(byte* start, nuint length)
        {
            IncrementalMarking? marking = s_incremental;
            if (marking is not null && marking.IsMarking)
                marking.ShadeRange(start, start + length);
        }
    }
}
