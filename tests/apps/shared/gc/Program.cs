using System;
using GcTests;
using SchedTests;
using Uk.Gc;

// Usage (kernel command line): "live [multiple]", "blocked [multiple]", "http [requests]",
// "rewire [rounds]", "nullstores [rounds]", "stats"; none runs live and blocked.
string mode = args.Length > 0 ? args[0] : "all";
int count = args.Length > 1 ? int.Parse(args[1]) : 0;
switch (mode)
{
    case "all":
        LiveSet.Run(count > 0 ? count : 100);
        BlockedThreads.Run(10);
        break;
    case "live":
        LiveSet.Run(count > 0 ? count : 100);
        break;
    case "blocked":
        BlockedThreads.Run(count > 0 ? count : 10);
        break;
    case "rewire":
        Rewire.Run(count > 0 ? count : 300);
        break;
    case "nullstores":
        NullStores.Run(count > 0 ? count : 300);
        break;
    case "http":
        HttpLoop.Run(count > 0 ? count : 1_000_000);
        break;
    default:
        Console.WriteLine("unknown scenario '" + mode + "'");
        return 2;
}
GcStatistics statistics = ManagedHeap.Statistics;
Console.WriteLine("gc: " + ManagedHeap.CollectorName + ", " + statistics.Collections.ToString() + " collections, pauses max "
    + (statistics.MaxPauseNanoseconds / 1000).ToString() + " us, total " + GC.GetTotalPauseDuration().TotalMilliseconds.ToString() + " ms, "
    + (statistics.BytesInUse / 1024).ToString() + " KiB in use of " + (statistics.HeapBytes / 1024).ToString() + " KiB");
Console.WriteLine("gc phases (Mcycles): roots " + (Uk.Gc.MarkSweep.MarkSweepPhases.RootCycles / 1000000).ToString()
    + ", trace " + (Uk.Gc.MarkSweep.MarkSweepPhases.TraceCycles / 1000000).ToString() + ", sweep " + (Uk.Gc.MarkSweep.MarkSweepPhases.SweepCycles / 1000000).ToString()
    + ", objects marked " + Uk.Gc.MarkSweep.MarkSweepPhases.ObjectsMarked.ToString() + ", overflow rescans " + Uk.Gc.MarkSweep.MarkSweepPhases.OverflowRescans.ToString());
Console.WriteLine(Report.Failures == 0 ? "all scenarios passed" : Report.Failures.ToString() + " checks failed");
return Report.Failures == 0 ? 0 : 1;
