using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Unikraft.Bench.Net;

// Memory per idle connection: the guest's memory in use before and after Count connections
// that connected and sent nothing (each server waits for a request head: a thread in
// httpserver, a forked process in busybox httpd), divided by Count.
public static class IdleConnections
{
    public const int Count = 128;

    // KiB per connection, or null when a reading failed. memoryInUse: the guest's figure in
    // bytes (UnikernelHeapInUse or LinuxMemoryInUse).
    public static double? KiBPerConnection(int port, Func<int, long?> memoryInUse)
    {
        ArgumentNullException.ThrowIfNull(memoryInUse);
        // What the previous load left (TIME_WAIT, a refresh of Linux's figure) settles first.
        Thread.Sleep(2000);
        long? before = memoryInUse(port);
        var clients = new List<TcpClient>();
        try
        {
            for (int i = 0; i < Count; i++)
            {
                var client = new TcpClient();
                clients.Add(client);
                client.Connect("127.0.0.1", port);
                // One handshake at a time through QEMU's backlog-of-1 forward (HostForward).
                var clock = Stopwatch.StartNew();
                while (HostForward.ConnectionsWaiting(port) > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
                    Thread.Sleep(1);
            }
            // Time for the guest to take every one (and for Linux's once-a-second figure).
            Thread.Sleep(3000);
            long? after = memoryInUse(port);
            return before is long b && after is long a ? (a - b) / 1024.0 / Count : null;
        }
        catch (SocketException)
        {
            return null;
        }
        finally
        {
            foreach (TcpClient client in clients)
                client.Dispose();
        }
    }

    // httpserver's allocator figure (thread stacks, buffers, sockets and objects).
    public static long? UnikernelHeapInUse(int port) =>
        Get(port, "/stats") is string text && SoakReadings.Parse(text).TryGetValue("heap-in-use", out long bytes) ? bytes : null;

    // Linux's MemTotal - MemAvailable, from the copy of /proc/meminfo the microVM's /init
    // refreshes every second in /www (LinuxHttpVm).
    public static long? LinuxMemoryInUse(int port)
    {
        if (Get(port, "/meminfo.txt") is not string text)
            return null;
        Match total = Regex.Match(text, @"^MemTotal:\s+(\d+) kB", RegexOptions.Multiline);
        Match available = Regex.Match(text, @"^MemAvailable:\s+(\d+) kB", RegexOptions.Multiline);
        if (!total.Success || !available.Success)
            return null;
        return (long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) - long.Parse(available.Groups[1].Value, CultureInfo.InvariantCulture)) * 1024;
    }

    private static string? Get(int port, string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return http.GetStringAsync(new Uri($"http://127.0.0.1:{port}{path}")).GetAwaiter().GetResult();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
