// The kernel stand-ins (clock, log) and the driver's options are static: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
