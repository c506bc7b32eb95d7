namespace Unikraft.Bench.Net;

// One boot's figures: wrk's, and the bulk download's MiB/s (null when it failed).
public sealed record Sample(WrkResult Wrk, double? BulkMiBps);
