namespace Uk.Gc.MarkSweep;

// Where the time of the collections goes, in time-stamp-counter cycles summed over every
// collection, for the benchmark and for tuning.
public static class MarkSweepPhases
{
    public static ulong RootCycles { get; internal set; }

    public static ulong TraceCycles { get; internal set; }

    public static ulong SweepCycles { get; internal set; }

    public static ulong ObjectsMarked { get; internal set; }

    public static ulong OverflowRescans { get; internal set; }

    // Whole stop-the-world collections (GC.Collect, an allocation that found no memory, or the
    // incremental mode turned off) and incremental ones.
    public static ulong WholeCollections { get; internal set; }

    public static ulong IncrementalCollections { get; internal set; }

    // Whole collections that had to finish an incremental one first (an allocation found no
    // memory while marking, or GC.Collect).
    public static ulong WholeWhileMarking { get; internal set; }
}
