using Unikraft.Bench.Net;

namespace Unikraft.Boot.Tests;

// The soak, 5 minutes of it (the 30-minute one is bench/net's hand run, `--soak 30`,
// with the same loads and verdict from bench/net's SoakLoads and SoakReadings): keep-alive
// requests, a connection per request, downloads abandoned after their first bytes and slow
// clients cut at the head timeout, all at once against apps/httpserver. After a 1-minute
// warm-up of the same loads and again at the end, with the loads stopped: no panic, live
// objects within 10%, the heap not past the warm-up's peak by more than 10%, threads back,
// and not one error for the clients that asked properly (timeouts the host's forward
// causes aside, below). UK_SOAK_MINUTES sets the length.
public sealed class HttpServerSoakBootTests(SoakHttpServerGuest guest) : IClassFixture<SoakHttpServerGuest>
{
    [Fact]
    public void FiveMinutesOfMixedLoadLeaveMemoryAndThreadsFlat()
    {
        int minutes = int.TryParse(Environment.GetEnvironmentVariable("UK_SOAK_MINUTES"), out int m) && m > 0 ? m : 5;

        long overflowsBefore = HostForward.ListenOverflows();
        SoakLoadFigures warmLoads = SoakLoads.Run(guest.Port, 60, HttpServerGuest.RunWrk, null, Panicked);
        Dictionary<string, long> warm = SoakReadings.Settled(guest.Port, HttpServerGuest.RunWrk, guest.Stats);
        SoakLoadFigures loads = SoakLoads.Run(guest.Port, minutes * 60, HttpServerGuest.RunWrk,
            elapsed => Console.WriteLine("httpserver soak, " + (int)elapsed.TotalMinutes + " min: " + SoakReadings.Describe(guest.Stats())), Panicked);
        Dictionary<string, long> end = SoakReadings.Settled(guest.Port, HttpServerGuest.RunWrk, guest.Stats);

        long hostOverflows = HostForward.ListenOverflows() - overflowsBefore;
        string figures = "warm-up loads: " + warmLoads.Describe() + "\nafter the warm-up: " + SoakReadings.Describe(warm)
            + "\n" + minutes + " min of loads: " + loads.Describe() + "\nat the end: " + SoakReadings.Describe(end)
            + "\nother counters at the end: " + SoakReadings.DescribeOthers(end)
            + "\nhandshakes the host dropped on full accept queues: " + hostOverflows;
        Console.WriteLine("httpserver soak:\n" + figures);
        List<string> leaks = SoakReadings.Leaks(warm, end, Panicked());
        Assert.True(leaks.Count == 0, string.Join("; ", leaks) + "\n" + figures + (Panicked() ? "\n" + guest.Session.Output : ""));
        // The loads ran: requests of both kinds, downloads cut short, slow clients cut by the
        // server at its head timeout.
        Assert.True(loads.KeepAlive.Requests > 0 && loads.Close.Requests > 0, figures);
        Assert.True(loads.DownloadsAbandoned > 0, figures);
        Assert.True(loads.SlowClientsCut > 0 && end["http-head-timeouts"] > warm["http-head-timeouts"], figures);
        // Real clients never see a socket error or a non-2xx answer. A request unanswered
        // within wrk's 5 s is the guest's fault only when the host dropped no handshake: the
        // forward's host socket listens with a backlog of 1 (HostForward), so among several
        // connects in flight one can be finished for the client and its last ACK dropped, and
        // its request then waits for the client's retransmissions (0.2, 0.4, 0.8 s, ... past
        // 5 s under load) before the guest sees it. With such drops, timeouts stay rare: at
        // most one per 10,000 requests of that load.
        foreach (WrkResult run in new[] { warmLoads.KeepAlive, warmLoads.Close, loads.KeepAlive, loads.Close })
        {
            Assert.True(run.Errors == run.Timeouts, figures);
            Assert.True(run.Timeouts == 0 || (hostOverflows > 0 && run.Timeouts * 10_000 <= run.Requests), figures);
        }
        Assert.Equal(0, end["http-refused-no-memory"]);
        Assert.Equal(0, end["heap-failures"]);
    }

    private bool Panicked() => guest.Session.Lines.Any(l => l.StartsWith("PANIC", StringComparison.Ordinal));
}
