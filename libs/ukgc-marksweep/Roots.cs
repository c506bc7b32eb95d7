using Internal.Runtime;
using Uk.Core;

namespace Uk.Gc.MarkSweep;

// Where references into the heap can be, outside the heap itself. All but the pre-collector
// objects are scanned conservatively (every aligned word that points into an allocated object
// keeps it): ILC's per-method GC info, which says which stack slots and registers hold
// references at each instruction, is a large format to decode, and unused conservatively
// it only ever keeps too much, never too little, because the heap never moves objects.
internal static unsafe class Roots
{
    private static Marker? s_marker;

    public static void MarkAll(Marker marker)
    {
        MarkThreads(marker);
        MarkGlobals(marker);
        TrackedReferenceProcessing.MarkRoots(TrackedReferences.Installed, marker);
    }

    // The registers and every thread's stack: what incremental marking rescans in its final
    // pause (a barrier preempted between its store and its test of the marking flag holds the
    // overwritten reference in a register, saved on its thread's stack).
    public static void MarkThreads(Marker marker)
    {
        // The running code's registers: callee-saved ones may hold the only reference to an
        // object a caller is using. The copy lies on this frame, below the callers' frames.
        RegisterState registers;
        Plat.CaptureRegisters(&registers);
        marker.MarkRange(&registers, &registers + 1);
        s_marker = marker;
        ThreadStacks.ForEach(&MarkStack);
        s_marker = null;
    }

    private static void MarkGlobals(Marker marker)
    {
        // .data, .tdata and .bss: static fields that are not GC statics, objects ILC froze into
        // the image (which the program may store references into), the GC statics' cells,
        // and the boot stack (where Main runs without a scheduler, and the scheduler starts).
        // Once the code runs on a thread's own stack the boot context is never resumed: then
        // nothing in the image is a stack, and only exact object starts count.
        ImageBounds image;
        Plat.GetImageBounds(&image);
        // A local's address tells which stack this code runs on.
        ulong stackPointer = (ulong)&image;
        bool bootStackLive = stackPointer >= image.ReadOnlyEnd && stackPointer < image.End;
        // The boot stack's guard page lies in .bss and is unmapped: step over it. So are the
        // runtime's handle and finalization tables: the collector reads them by kind.
        ulong guard = StackGuards.BootStackGuard;
        ulong guardEnd = guard + StackGuards.GuardPageSize;
        TrackedReferences* tracked = TrackedReferences.Installed;
        ulong tablesStart = tracked != null ? (ulong)tracked->ExcludedStart : 0;
        ulong tablesEnd = tracked != null ? (ulong)tracked->ExcludedEnd : 0;
        if (guard > tablesStart)
        {
            (guard, tablesStart) = (tablesStart, guard);
            (guardEnd, tablesEnd) = (tablesEnd, guardEnd);
        }
        ulong from = image.ReadOnlyEnd;
        from = MarkImageUpTo(marker, from, image.End, guard, guardEnd, bootStackLive);
        from = MarkImageUpTo(marker, from, image.End, tablesStart, tablesEnd, bootStackLive);
        MarkImageRange(marker, (void*)from, (void*)image.End, bootStackLive);

        // The early heap: the GC statics holders and the objects made during boot (references
        // in their fields point at object starts).
        EarlyHeap.UsedRange(out void* earlyStart, out void* earlyEnd);
        marker.MarkObjectStarts(earlyStart, earlyEnd);

        for (int i = 0; i < PreCollectorObjects.Count; i++)
            marker.TraceRoot(PreCollectorObjects.Get(i));
    }

    // Marks [from, holeStart) and returns where scanning resumes (after the hole); a hole that
    // is empty or outside [from, end) changes nothing.
    private static ulong MarkImageUpTo(Marker marker, ulong from, ulong end, ulong holeStart, ulong holeEnd, bool bootStackLive)
    {
        if (holeEnd <= holeStart || holeEnd <= from || holeStart >= end)
            return from;
        if (holeStart > from)
            MarkImageRange(marker, (void*)from, (void*)holeStart, bootStackLive);
        return holeEnd < end ? holeEnd : end;
    }

    private static void MarkImageRange(Marker marker, void* start, void* end, bool bootStackLive)
    {
        if (bootStackLive)
            marker.MarkRange(start, end);
        else
            marker.MarkObjectStarts(start, end);
    }

    // A parked thread's stack holds its callee-saved registers (pushed by the context switch)
    // or, if it was preempted, its whole interrupt frame; the running thread's starts here.
    private static void MarkStack(ulong lowest, ulong top)
    {
        if (lowest == 0)
        {
            RegisterState registers;
            Plat.CaptureRegisters(&registers);
            lowest = registers.Rsp;
        }
        s_marker!.MarkRange((void*)lowest, (void*)top);
    }
}
