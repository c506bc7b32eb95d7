namespace Internal.Runtime;

// The fields are written by the dotnet library (and the collector's host tests); the minimal
// corlib compiles this layout without ever writing them.
#pragma warning disable CS0649

// References the runtime keeps outside objects that a collector must treat by kind, not as
// plain roots: GC handles (strong, weak short and long, dependent) and the objects that have
// finalizers. The dotnet library owns the memory and changes it with interrupts off; a
// collector reads and updates it in its pauses (interrupts off too), so neither ever sees the
// other half-way. Plain memory and layout only, so host tests build the same tables. Null
// Installed (the minimal corlib) means there are none.
internal unsafe struct TrackedReferences
{
    // The runtime's tables, or null.
    internal static TrackedReferences* Installed;

    // Newest segment first; a new one is added when every slot of the first is taken.
    public HandleSegment* Handles;

    // Freed slots, chained through HandleSlot.Secondary.
    public HandleSlot* FreeHandles;

    // Objects with finalizers: [0, ReadyCount) were found unreachable and wait for the
    // finalizer thread (roots until it takes them); [ReadyCount, Count) are registered and
    // not yet found unreachable (not roots).
    public nint* Finalizable;
    public nint FinalizableCount;
    public nint ReadyCount;
    public nint FinalizableCapacity;

    // Memory of these tables inside the image's writable data, which a collector must not scan
    // as roots (the weak slots would keep their targets).
    public void* ExcludedStart;
    public void* ExcludedEnd;
}

// One GC handle: its address is the handle, and CoreLib reads Target inline.
internal struct HandleSlot
{
    public nint Target;

    // A dependent handle's secondary; the next free slot when free.
    public nint Secondary;

    public nint Kind;
}

internal static class HandleKind
{
    public const nint Free = 0;

    // Normal and pinned (the heap never moves an object) and any kind not listed here.
    public const nint Strong = 1;

    // Cleared when the target is unreachable, before objects with finalizers are kept for
    // their finalizers (GCHandleType.Weak).
    public const nint WeakShort = 2;

    // Cleared only when the target is unreachable even from objects waiting for finalization
    // (GCHandleType.WeakTrackResurrection).
    public const nint WeakLong = 3;

    // Keeps Secondary alive exactly while Target is alive (ConditionalWeakTable).
    public const nint Dependent = 4;
}

internal unsafe struct HandleSegment
{
    public HandleSegment* Next;
    public HandleSlot* Slots;
    public nint Capacity;

    // Slots handed out at least once: [0, Used) are in use or on the free list.
    public nint Used;
}
