using System.Runtime.InteropServices;

namespace Uk.Gc.MarkSweep;

// The layout the write barriers share with the collector (runtime/helpers.asm, uk_gc_barrier):
// while Marking is non-zero each barrier appends the reference its store overwrote to the
// entries that follow this header, and calls Flush (with interrupts off) when Count reaches
// the capacity. Kept in plain memory, so host tests drive the same logic over their own block.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BarrierState
{
    public long Marking;
    public long Count;
    public nint Flush;

    public static nint* Entries(BarrierState* state) => (nint*)(state + 1);
}
