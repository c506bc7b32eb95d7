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
}
