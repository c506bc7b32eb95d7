using Unikraft.Bench.Gc;

var pauses = new GuestPauses();
GcWorkload.Calibrate(10_000_000);
GcWorkload.Churn("churn", 512L * 1024 * 1024, pauses);
GcWorkload.BuildLiveSet(16L * 1024 * 1024);
GcWorkload.Churn("live16", 256L * 1024 * 1024, pauses);
// Where the collections' time went, summed over both workloads (cycles of the TSC).
System.Console.WriteLine("bench phases roots-mcycles " + (Uk.Gc.MarkSweep.MarkSweepPhases.RootCycles / 1000000).ToString()
    + " trace-mcycles " + (Uk.Gc.MarkSweep.MarkSweepPhases.TraceCycles / 1000000).ToString()
    + " sweep-mcycles " + (Uk.Gc.MarkSweep.MarkSweepPhases.SweepCycles / 1000000).ToString()
    + " whole " + Uk.Gc.MarkSweep.MarkSweepPhases.WholeCollections.ToString()
    + " incremental " + Uk.Gc.MarkSweep.MarkSweepPhases.IncrementalCollections.ToString()
    + " whole-while-marking " + Uk.Gc.MarkSweep.MarkSweepPhases.WholeWhileMarking.ToString()
    + " overflow-rescans " + Uk.Gc.MarkSweep.MarkSweepPhases.OverflowRescans.ToString());
System.Console.WriteLine("bench done");
return 0;
