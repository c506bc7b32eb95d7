using Internal.Runtime;
using Uk.Core;

namespace Uk.Gc;

// The image's managed heap. A collector library installs itself here at start-up; from then
// on managed `new` is served by it, and a collection runs when the bytes allocated since the
// last one reach the trigger (or the bytes that survived the last one, if more), when an allocation finds no memory (then the allocation is
// retried once before it is out of memory), and on GC.Collect(). Every collection runs with
// interrupts off on the one CPU: no other thread runs, each is parked with its registers on
// its own stack. An incremental collector spreads a collection over several such pauses: the
// one that starts it, then one step of marking every stepBytes allocated, the last of which
// ends it; each is a pause in the log and the statistics.
public static unsafe class ManagedHeap
{
    private static ICollector? s_collector;
    private static ulong s_trigger;
    private static ulong s_nextTrigger;
    private static ulong s_allocatedSinceCollection;
    private static GcStatistics s_statistics;
    private static PauseLog? s_pauses;
    private static bool s_collecting;
    private static ulong s_stepBytes;
    private static ulong s_allocatedSinceStep;

    public static string CollectorName => s_collector?.Name ?? "none";

    public static bool IsCollecting => s_collector is not null;

    // True while an incremental collection is under way (its marking spans many allocations).
    public static bool InCollection => s_collector is not null && s_collector.InCollection;

    // The last PauseLog.Capacity pause times; empty without a collector.
    public static PauseLog Pauses => s_pauses ??= new PauseLog();

    public static void Install(ICollector collector, ulong triggerBytes, ulong stepBytes = 64 * 1024)
    {
        s_stepBytes = stepBytes;
        if (s_collector is not null)
            throw new System.InvalidOperationException("a collector is installed already: list one of ukgc-none, ukgc-marksweep");
        s_pauses ??= new PauseLog();
        s_trigger = s_nextTrigger = triggerBytes;
        s_collector = collector;
        HeapSeam.InstallCollector(&AllocateObject, &Collect, &SeamStatistics);
        Log.Info("gc: " + collector.Name + ", collects every " + (triggerBytes / 1024).ToString() + " KiB allocated");
    }

    public static void Collect()
    {
        if (s_collector is null)
            return;
        ulong flags = Plat.DisableInterrupts();
        CollectNow();
        Plat.RestoreInterrupts(flags);
    }

    public static GcStatistics Statistics
    {
        get
        {
            ulong flags = Plat.DisableInterrupts();
            GcStatistics statistics = s_statistics;
            if (s_collector is not null)
            {
                statistics.BytesInUse = s_collector.BytesInUse;
                statistics.HeapBytes = s_collector.HeapBytes;
                statistics.BytesReachedByLastCollection = s_collector.BytesReachedByLastCollection;
            }
            Plat.RestoreInterrupts(flags);
            return statistics;
        }
    }

    private static void* AllocateObject(nuint size)
    {
        ICollector collector = s_collector!;
        ulong flags = Plat.DisableInterrupts();
        if (collector.InCollection)
        {
            s_allocatedSinceStep += size;
            if (s_allocatedSinceStep >= s_stepBytes)
                StepNow();
        }
        else if (s_allocatedSinceCollection >= s_nextTrigger)
        {
            BeginNow();
        }
        void* memory = collector.Allocate(size);
        if (memory == null)
        {
            CollectNow();
            memory = collector.Allocate(size);
        }
        if (memory != null)
        {
            s_allocatedSinceCollection += size;
            s_statistics.BytesAllocated += size;
        }
        Plat.RestoreInterrupts(flags);
        return memory;
    }

    // Interrupts off. Must not allocate: the heap is being traced and swept.
    private static void CollectNow()
    {
        // A panic during a collection allocates its message: it must not start another one.
        if (s_collecting)
            return;
        s_collecting = true;
        ulong started = Plat.ReadTimestampCounter();
        s_collector!.Collect();
        RecordPause(started);
        s_collecting = false;
        Ended();
    }

    // Interrupts off. The initial pause of an incremental collection, or a whole collection.
    private static void BeginNow()
    {
        if (s_collecting)
            return;
        s_collecting = true;
        ulong started = Plat.ReadTimestampCounter();
        bool begun = s_collector!.BeginCollection();
        s_collecting = false;
        if (!begun)
        {
            CollectNow();
            return;
        }
        RecordPause(started);
        s_allocatedSinceStep = 0;
    }

    // Interrupts off. One increment of marking, paid for by what was allocated since the last.
    private static void StepNow()
    {
        if (s_collecting)
            return;
        s_collecting = true;
        ulong started = Plat.ReadTimestampCounter();
        bool ended = s_collector!.Step(s_allocatedSinceStep);
        RecordPause(started);
        s_collecting = false;
        s_allocatedSinceStep = 0;
        if (ended)
            Ended();
    }

    private static void Ended()
    {
        s_allocatedSinceCollection = 0;
        // As the heap grows, so does the allocation between collections (at least the live
        // bytes): a large live set is then traced once per its own size allocated, not once per
        // trigger, which keeps the collector's share of the time bounded. The bytes reached, not
        // those in use: what an incremental collection kept unvisited must not make the next
        // one start later and later until the heap runs out while it marks.
        ulong live = s_collector!.BytesReachedByLastCollection;
        s_nextTrigger = live > s_trigger ? live : s_trigger;
        s_statistics.Collections++;
    }

    private static void RecordPause(ulong startedCycles)
    {
        ulong pause = CyclesToNanoseconds(Plat.ReadTimestampCounter() - startedCycles);
        s_statistics.LastPauseNanoseconds = pause;
        s_statistics.TotalPauseNanoseconds += pause;
        if (pause > s_statistics.MaxPauseNanoseconds)
            s_statistics.MaxPauseNanoseconds = pause;
        s_pauses!.Add(pause);
    }

    private static ulong CyclesToNanoseconds(ulong cycles)
    {
        ulong perSecond = Clock.CyclesPerSecond;
        if (perSecond == 0)
            return 0;
        const ulong NanosecondsPerSecond = 1_000_000_000;
        return cycles / perSecond * NanosecondsPerSecond + cycles % perSecond * NanosecondsPerSecond / perSecond;
    }

    private static CollectorStatistics SeamStatistics()
    {
        GcStatistics statistics = Statistics;
        return new CollectorStatistics
        {
            BytesInUse = statistics.BytesInUse,
            BytesAllocated = statistics.BytesAllocated,
            Collections = statistics.Collections,
            TotalPauseNanoseconds = statistics.TotalPauseNanoseconds,
        };
    }
}
