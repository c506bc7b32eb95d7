using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Unikraft.Gc.Tests;

// The runtime's handle and finalization tables in native memory, built as the dotnet library
// builds them (kernel/dotnet/Runtime/Handles.cs, Finalization.cs): one segment of slots and
// one finalization list, with the finalizer thread's "take the next ready object".
internal sealed unsafe class SimulatedTrackedReferences : IDisposable
{
    private readonly HandleSegment* _segment;

    public SimulatedTrackedReferences(int slots = 64, int finalizable = 64)
    {
        Tables = (TrackedReferences*)NativeMemory.AllocZeroed((nuint)sizeof(TrackedReferences));
        _segment = (HandleSegment*)NativeMemory.AllocZeroed((nuint)sizeof(HandleSegment));
        _segment->Slots = (HandleSlot*)NativeMemory.AllocZeroed((nuint)(slots * sizeof(HandleSlot)));
        _segment->Capacity = slots;
        Tables->Handles = _segment;
        Tables->Finalizable = (nint*)NativeMemory.AllocZeroed((nuint)(finalizable * sizeof(nint)));
        Tables->FinalizableCapacity = finalizable;
    }

    public TrackedReferences* Tables { get; }

    public HandleSlot* Alloc(nint kind, nint target, nint secondary = 0)
    {
        Assert.True(_segment->Used < _segment->Capacity);
        HandleSlot* slot = _segment->Slots + _segment->Used++;
        slot->Target = target;
        slot->Secondary = secondary;
        slot->Kind = kind;
        return slot;
    }

    public void Register(nint obj)
    {
        Assert.True(Tables->FinalizableCount < Tables->FinalizableCapacity);
        Tables->Finalizable[Tables->FinalizableCount++] = obj;
    }

    // What RhpGetNextFinalizableObject hands the finalizer thread, in any order.
    public List<nint> TakeReady()
    {
        var ready = new List<nint>();
        for (nint i = 0; i < Tables->ReadyCount; i++)
            ready.Add(Tables->Finalizable[i]);
        for (nint i = Tables->ReadyCount; i < Tables->FinalizableCount; i++)
            Tables->Finalizable[i - Tables->ReadyCount] = Tables->Finalizable[i];
        Tables->FinalizableCount -= Tables->ReadyCount;
        Tables->ReadyCount = 0;
        return ready;
    }

    public List<nint> Registered()
    {
        var registered = new List<nint>();
        for (nint i = Tables->ReadyCount; i < Tables->FinalizableCount; i++)
            registered.Add(Tables->Finalizable[i]);
        return registered;
    }

    public void Dispose()
    {
        NativeMemory.Free(_segment->Slots);
        NativeMemory.Free(_segment);
        NativeMemory.Free(Tables->Finalizable);
        NativeMemory.Free(Tables);
    }
}
