using Unikraft.Bench.Gc;

var pauses = new GuestPauses();
GcWorkload.Calibrate(10_000_000);
GcWorkload.Churn("churn", 512L * 1024 * 1024, pauses);
GcWorkload.BuildLiveSet(16L * 1024 * 1024);
GcWorkload.Churn("live16", 256L * 1024 * 1024, pauses);
System.Console.WriteLine("bench done");
return 0;
