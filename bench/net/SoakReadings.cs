using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Unikraft.Bench.Net;

// httpserver's /stats as the soak reads and judges it, shared by bench/net's hand soak and
// the boot test (HttpServerSoakBootTests): the figures to print, a reading once the loads'
// connections have ended, and what counts as a leak between two readings.
public static class SoakReadings
{
    public static readonly IReadOnlyList<string> Figures =
    [
        "heap-in-use", "heap-peak", "heap-failures", "gc-live", "gc-in-use", "gc-collections", "threads", "http-active",
        "http-connections", "http-requests", "http-head-timeouts", "http-shed", "http-shed-peer-limit", "http-refused-busy",
        "http-refused-peer-limit", "http-refused-no-memory", "http-out-of-memory", "tcp-connections", "tcp-time-wait-recycled",
        "tcp-syn-cookies-sent", "drop-tcp-no-memory", "http-buffers-idle-bytes",
    ];

    // /stats's "name value" lines as name -> value.
    public static Dictionary<string, long> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stats = new Dictionary<string, long>();
        foreach (string line in text.Split('\n'))
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(line.AsSpan(space + 1).TrimEnd('\r'), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
                stats[line[..space]] = value;
        }
        return stats;
    }

    // A reading once the loads' connections have ended in the guest (only the asking one
    // left) and the collector has finished two collections since with one quiet client
    // (wrk -c1 for 2 s at a time) as the only load: gc-live is what the last collection found
    // reachable, and one that ran during the loads counts the connections open at that
    // moment (1.5 MB more in a 5-minute soak whose per-minute readings stayed flat).
    public static Dictionary<string, long> Settled(int port, Func<IReadOnlyList<string>, string> runWrk, Func<Dictionary<string, long>> read)
    {
        ArgumentNullException.ThrowIfNull(runWrk);
        ArgumentNullException.ThrowIfNull(read);
        Dictionary<string, long> stats = Idle(read);
        long collections = stats.GetValueOrDefault("gc-collections");
        for (int round = 0; round < 15 && stats.GetValueOrDefault("gc-collections") < collections + 2; round++)
        {
            runWrk(WrkResult.Arguments(port, 1, 1, 2));
            stats = Idle(read);
        }
        return stats;
    }

    // A reading once at most the asking connection is open, waiting up to 90 s.
    private static Dictionary<string, long> Idle(Func<Dictionary<string, long>> read)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, long> stats = read();
        while (stats.GetValueOrDefault("http-active") > 1 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Thread.Sleep(500);
            stats = read();
        }
        return stats;
    }

    public static string Describe(Dictionary<string, long> stats) =>
        string.Join(", ", Figures.Where(stats.ContainsKey).Select(f => f + " " + stats[f].ToString(CultureInfo.InvariantCulture)));

    // Every other counter /stats has (the network stack's and the device's, which it shows
    // when not zero): what a client's error or timeout is read against.
    public static string DescribeOthers(Dictionary<string, long> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return string.Join(", ", stats
            .Where(s => !Figures.Contains(s.Key))
            .Select(s => s.Key + " " + s.Value.ToString(CultureInfo.InvariantCulture)));
    }

    // What leaked from the warm-up's settled reading to the end's, empty when nothing did:
    // a panic; gc-live (what the last collection found reachable) less the pooled buffers
    // (LiveBeyondPool) more than 10% up; the
    // allocator's heap-in-use (garbage not yet collected included, so it rises and falls with
    // the collection cycle) more than 10% past the warm-up's peak; threads not back.
    public static List<string> Leaks(Dictionary<string, long> warm, Dictionary<string, long> end, bool panicked)
    {
        ArgumentNullException.ThrowIfNull(warm);
        ArgumentNullException.ThrowIfNull(end);
        var leaks = new List<string>();
        if (panicked)
            leaks.Add("the guest panicked");
        if (LiveBeyondPool(end) > LiveBeyondPool(warm) * 11 / 10)
            leaks.Add($"gc-live less the pooled buffers grew more than 10%: {LiveBeyondPool(warm)} -> {LiveBeyondPool(end)} (gc-live {warm["gc-live"]} -> {end["gc-live"]})");
        if (end["heap-in-use"] > warm["heap-peak"] * 11 / 10)
            leaks.Add($"heap-in-use {end["heap-in-use"]} is more than 10% past the warm-up's peak {warm["heap-peak"]}");
        if (end["threads"] != warm["threads"])
            leaks.Add($"threads {warm["threads"]} -> {end["threads"]}");
        return leaks;
    }

    // gc-live's change from warm to end, as a fraction (pooled buffers aside).
    public static double LiveGrowth(Dictionary<string, long> warm, Dictionary<string, long> end) =>
        (double)LiveBeyondPool(end) / Math.Max(1, LiveBeyondPool(warm)) - 1;

    // What the last collection found reachable, less the server's idle connection buffers
    // (http-buffers-idle-bytes): the pool keeps as many as the most connections served at
    // once returned, up to its fixed capacity, so its size follows the peak concurrency (a
    // busier minute leaves 16 KiB more per extra connection) and is bounded by design.
    public static long LiveBeyondPool(Dictionary<string, long> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats["gc-live"] - stats.GetValueOrDefault("http-buffers-idle-bytes");
    }
}
