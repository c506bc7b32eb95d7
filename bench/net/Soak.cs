using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Net;

// The issue's soak, by hand (`--soak MINUTES`): apps/httpserver under four loads at once for
// that long, then /stats compared with its reading before the loads. A leak shows as gc-live
// (what the last collection found reachable) or threads growing; a panic ends the run.
// Loads: keep-alive requests (wrk), close-per-request requests (wrk, Connection: close),
// downloads abandoned after their first bytes, and slow clients that trickle a header line
// every 2 s until the server cuts them at its head timeout, then come back.
public static class Soak
{
    private static readonly string[] Figures =
    {
        "heap-in-use", "heap-peak", "heap-failures", "gc-live", "gc-in-use", "gc-collections", "threads", "http-active",
        "http-connections", "http-requests", "http-head-timeouts", "http-shed", "http-shed-peer-limit", "http-refused-busy",
        "http-refused-peer-limit", "http-refused-no-memory", "http-out-of-memory", "tcp-connections", "tcp-time-wait-recycled",
        "tcp-syn-cookies-sent", "drop-tcp-no-memory",
    };

    private const int SlowClients = 16;

    // True when the guest did not panic and its live objects and threads came back to where
    // they were (gc-live within 10%).
    public static bool Run(string elf, string memory, string device, int minutes)
    {
        // Every host client is 10.0.2.2 through slirp: the per-peer limit must not shed the
        // loads' own connections, so it is lifted to max-connections for the soak.
        using GuestVm vm = GuestVm.Start(memory, device, ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", elf,
            "-append", "-- max-connections-per-peer=512"]);
        if (!vm.WaitServing(TimeSpan.FromMinutes(3), out TimeSpan took))
            throw new BenchException($"not serving after {took.TotalSeconds:0}s; last lines:\n" + vm.LastLines(10));
        Console.WriteLine($"serving after {took.TotalSeconds:0.0}s; a 1 min warm-up, then {minutes} min: keep-alive wrk -c8, close-per-request wrk -c8, abandoned downloads, {SlowClients} slow clients");
        Print("start", Stats(vm.Port));
        // The figures to compare are taken once the loads have run a while (gc-live is 0
        // before the first collection) and stopped, as the churn boot test does.
        Load(vm, 60, report: false);
        Dictionary<string, long> warm = Settled(vm.Port);
        Print("after the warm-up", warm);
        Load(vm, minutes * 60, report: true);
        Dictionary<string, long> end = Settled(vm.Port);
        Print("end", end);
        bool panicked = vm.Printed("PANIC");
        double liveGrowth = (double)end["gc-live"] / Math.Max(1, warm["gc-live"]) - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up -> end: gc-live {warm["gc-live"]} -> {end["gc-live"]} ({liveGrowth:+0.0%;-0.0%}), heap-in-use {warm["heap-in-use"]} -> {end["heap-in-use"]}, threads {warm["threads"]} -> {end["threads"]}{(panicked ? "; the guest PANICKED:\n" + vm.LastLines(20) : "")}"));
        return !panicked && liveGrowth <= 0.10 && end["threads"] == warm["threads"];
    }

    // The four loads at once for seconds (a /stats line every minute when report is set),
    // then what they did.
    private static void Load(GuestVm vm, int seconds, bool report)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        long abandoned = 0, slowCut = 0, loadErrors = 0;
        Task<WrkResult> keepAliveRun = Task.Run(() => WrkResult.Run(vm.Port, 1, 8, seconds));
        Task<WrkResult> closeRun = Task.Run(() => WrkResult.Run(vm.Port, 1, 8, seconds, "Connection: close"));
        var threads = new List<Thread> { Start(() => AbandonDownloads(vm.Port, stop.Token, ref abandoned, ref loadErrors)) };
        for (int i = 0; i < SlowClients; i++)
            threads.Add(Start(() => TrickleHeads(vm.Port, stop.Token, ref slowCut, ref loadErrors)));
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && !vm.Printed("PANIC"))
        {
            stop.Token.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
            if (report && !stop.IsCancellationRequested)
                Print($"{clock.Elapsed.TotalMinutes:0} min", Stats(vm.Port));
        }
        stop.Cancel();
        foreach (Thread thread in threads)
            thread.Join();
        WrkResult keepAlive = keepAliveRun.GetAwaiter().GetResult();
        WrkResult close = closeRun.GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  loads: keep-alive {keepAlive.Requests} requests ({keepAlive.RequestsPerSecond:0}/s), {keepAlive.Errors} errors; close-per-request {close.Requests} ({close.RequestsPerSecond:0}/s), {close.Errors} errors; abandoned downloads {abandoned}; slow clients cut {slowCut}; other client errors {loadErrors}"));
    }

    private static Thread Start(ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true };
        thread.Start();
        return thread;
    }

    // GET /big for 10 MB, read its first 4 KiB, then reset the connection.
    private static void AbandonDownloads(int port, CancellationToken stop, ref long abandoned, ref long errors)
    {
        byte[] request = Encoding.ASCII.GetBytes("GET /big?bytes=10000000 HTTP/1.1\r\nHost: guest\r\n\r\n");
        byte[] buffer = new byte[4096];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
                client.Connect("127.0.0.1", port);
                NetworkStream stream = client.GetStream();
                stream.Write(request);
                stream.ReadExactly(buffer);
                client.LingerState = new LingerOption(true, 0);
                Interlocked.Increment(ref abandoned);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                Interlocked.Increment(ref errors);
                stop.WaitHandle.WaitOne(100);
            }
        }
    }

    // A head that never ends: a header line every 2 s until the server closes the connection.
    private static void TrickleHeads(int port, CancellationToken stop, ref long cut, ref long errors)
    {
        byte[] line = Encoding.ASCII.GetBytes("X-Slow: a\r\n");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
                client.Connect("127.0.0.1", port);
                NetworkStream stream = client.GetStream();
                stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\n"));
                while (!stop.IsCancellationRequested && !client.Client.Poll(0, SelectMode.SelectRead))
                {
                    stream.Write(line);
                    stop.WaitHandle.WaitOne(2000);
                }
                if (!stop.IsCancellationRequested)
                    Interlocked.Increment(ref cut);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // Cut while writing: the server closed it.
                Interlocked.Increment(ref cut);
            }
        }
    }

    // /stats once the loads' connections have ended in the guest (only the asking one left).
    private static Dictionary<string, long> Settled(int port)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, long> stats = Stats(port);
        while (stats.GetValueOrDefault("http-active") > 1 && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Thread.Sleep(500);
            stats = Stats(port);
        }
        return stats;
    }

    private static Dictionary<string, long> Stats(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string text = http.GetStringAsync($"http://127.0.0.1:{port}/stats").GetAwaiter().GetResult();
        var stats = new Dictionary<string, long>();
        foreach (string line in text.Split('\n'))
        {
            int space = line.IndexOf(' ');
            if (space > 0 && long.TryParse(line.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
                stats[line[..space]] = value;
        }
        return stats;
    }

    private static void Print(string when, Dictionary<string, long> stats) =>
        Console.WriteLine("  " + when + ": " + string.Join(", ", Figures.Where(stats.ContainsKey).Select(f => f + " " + stats[f].ToString(CultureInfo.InvariantCulture))));
}
