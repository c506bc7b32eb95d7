namespace Unikraft.Bench.Net;

// One boot's figures: wrk's with keep-alive (as the client asks) and with a connection per
// request (Connection: close: the new-connection rate), the bulk download's MiB/s and the
// memory per idle connection in KiB (null when they failed).
public sealed record Sample(WrkResult Wrk, WrkResult Close, double? BulkMiBps, double? IdleConnectionKiB);
