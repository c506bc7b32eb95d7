using System.Runtime.InteropServices;

namespace Uk.Gc.MarkSweep;

// The layout the write barriers share with the collector (plat/pc-x86_64/runtime/helpers.asm,
// uk_gc_barrier): while Marking is non-zero each barrier appends to the entries that follow this
// header both the reference its store overwrote (the deletion barrier's snapshot) and the one it
// stored (the insertion barrier's shading, since a store of null has no barrier); nulls are not
// recorded. Appends run with interrupts off, and a full buffer (Count at the capacity) is handed
// to Flush first. Kept in plain memory, so host tests drive the same logic over their own block.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BarrierState
{
    public long Marking;
    public long Count;
    public nint Flush;

    public static nint* Entries(BarrierState* state) => (nint*)(state + 1);
}
