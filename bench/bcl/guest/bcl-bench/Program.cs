using Unikraft.Bench.Bcl;
using Unikraft.Bench.Gc;

GcWorkload.Calibrate(10_000_000);
BclWorkload.RunAll(args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2.0);
System.Console.WriteLine("bench done");
