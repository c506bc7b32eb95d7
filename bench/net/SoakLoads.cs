using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Unikraft.Bench.Net;

// What the soak's loads did in one stretch.
public sealed record SoakLoadFigures(WrkResult KeepAlive, WrkResult Close, long DownloadsAbandoned, long DownloadErrors, long SlowClientsCut)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"keep-alive {KeepAlive.Requests} requests ({KeepAlive.RequestsPerSecond:0}/s, p99 {KeepAlive.P99:0.0} ms, max {KeepAlive.MaxLatency:0} ms), {KeepAlive.Errors} errors{Kinds(KeepAlive)}; close-per-request {Close.Requests} ({Close.RequestsPerSecond:0}/s, p99 {Close.P99:0.0} ms, max {Close.MaxLatency:0} ms), {Close.Errors} errors{Kinds(Close)}; abandoned downloads {DownloadsAbandoned} ({DownloadErrors} failed); slow clients cut {SlowClientsCut}");

    private static string Kinds(WrkResult wrk) => wrk.ErrorKinds.Length == 0 ? "" : " (" + wrk.ErrorKinds + ")";
}

// The soak loads, all at once against apps/httpserver on a host port: keep-alive
// requests (wrk -t1 -c8), a connection per request (wrk -t1 -c8, Connection: close),
// downloads of 10 MB abandoned (reset) after their first 4 KiB, and SlowClients clients that
// add a header line every 2 s until the server cuts them at its head timeout, then come back.
// Shared by bench/net's hand soak (`--soak MINUTES`) and the 5-minute boot test
// (HttpServerSoakBootTests), each running wrk through its own process runner.
public static class SoakLoads
{
    public const int SlowClients = 16;

    // runWrk: wrk's standard output for the given arguments. everyMinute: called after each
    // whole minute while the loads run. stopEarly: true ends the loads (the guest panicked).
    public static SoakLoadFigures Run(int port, int seconds, Func<IReadOnlyList<string>, string> runWrk, Action<TimeSpan>? everyMinute, Func<bool> stopEarly)
    {
        ArgumentNullException.ThrowIfNull(runWrk);
        ArgumentNullException.ThrowIfNull(stopEarly);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var counts = new Counts();
        Task<WrkResult> keepAliveRun = Task.Run(() => WrkResult.Parse(runWrk(WrkResult.Arguments(port, 1, 8, seconds))));
        Task<WrkResult> closeRun = Task.Run(() => WrkResult.Parse(runWrk(WrkResult.Arguments(port, 1, 8, seconds, "Connection: close"))));
        var threads = new List<Thread> { Start(() => AbandonDownloads(port, counts, stop.Token)) };
        for (int i = 0; i < SlowClients; i++)
            threads.Add(Start(() => TrickleHeads(port, counts, stop.Token)));
        var clock = Stopwatch.StartNew();
        int minutesReported = 0;
        // A look at stopEarly every 5 s; the caller's report after each whole minute.
        while (!stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)) && !stopEarly())
        {
            if (everyMinute is not null && (int)clock.Elapsed.TotalMinutes > minutesReported)
            {
                minutesReported = (int)clock.Elapsed.TotalMinutes;
                everyMinute(clock.Elapsed);
            }
        }
        stop.Cancel();
        foreach (Thread thread in threads)
            thread.Join();
        return new SoakLoadFigures(keepAliveRun.GetAwaiter().GetResult(), closeRun.GetAwaiter().GetResult(),
            Interlocked.Read(ref counts.Abandoned), Interlocked.Read(ref counts.DownloadErrors), Interlocked.Read(ref counts.SlowCut));
    }

    private sealed class Counts
    {
        public long Abandoned;
        public long DownloadErrors;
        public long SlowCut;
    }

    private static Thread Start(ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true };
        thread.Start();
        return thread;
    }

    // GET /big for 10 MB, read its first 4 KiB, then reset the connection.
    private static void AbandonDownloads(int port, Counts counts, CancellationToken stop)
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
                Interlocked.Increment(ref counts.Abandoned);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                Interlocked.Increment(ref counts.DownloadErrors);
                stop.WaitHandle.WaitOne(100);
            }
        }
    }

    // A head that never ends: a header line every 2 s until the server closes the connection.
    private static void TrickleHeads(int port, Counts counts, CancellationToken stop)
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
                    Interlocked.Increment(ref counts.SlowCut);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // Cut while writing: the server closed it.
                Interlocked.Increment(ref counts.SlowCut);
            }
        }
    }
}
