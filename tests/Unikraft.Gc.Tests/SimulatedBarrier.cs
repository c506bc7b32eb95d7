using System.Runtime.InteropServices;
using Uk.Gc.MarkSweep;

namespace Unikraft.Gc.Tests;

// The barrier state in native memory and a store that does what runtime/helpers.asm's
// RhpAssignRef does: store, then, while marking, append the overwritten reference and the
// stored one (flushing into the collector when the buffer is full).
internal sealed unsafe class SimulatedBarrier : IDisposable
{
    public SimulatedBarrier(SimulatedHeap heap, int capacity = 16)
    {
        Capacity = capacity;
        State = (BarrierState*)NativeMemory.AllocZeroed((nuint)(sizeof(BarrierState) + capacity * sizeof(nint)));
        Marking = new IncrementalMarking(heap.Heap, State);
    }

    public BarrierState* State { get; }

    public int Capacity { get; }

    public IncrementalMarking Marking { get; }

    public int Flushes { get; private set; }

    public void Store(nint* slot, nint value)
    {
        nint old = *slot;
        *slot = value;
        if (State->Marking == 0)
            return;
        Record(old);
        Record(value);
    }

    // What ILC emits for `slot = null`: a plain store, no barrier.
    public static void StoreNullWithoutBarrier(nint* slot) => *slot = 0;

    private void Record(nint reference)
    {
        if (reference == 0)
            return;
        if (State->Count == Capacity)
        {
            Marking.ShadeRecorded();
            Flushes++;
        }
        BarrierState.Entries(State)[State->Count++] = reference;
    }

    public void Dispose() => NativeMemory.Free(State);
}
