using System;
using System.Diagnostics;
using System.Net.Http;
using System.IO;
using System.Threading.Tasks;

namespace Unikraft.Bench.Net;

// Guest-to-host TCP bulk throughput: the host downloads a large page through the hostfwd
// port and counts the bytes as they stream in (nothing is buffered whole).
public static class BulkDownload
{
    // MiB/s, or null when the guest does not serve the page in full (expectedBytes -1: any
    // size, as long as it matches Content-Length when one is sent).
    public static double? Run(int port, string path, long expectedBytes)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var clock = Stopwatch.StartNew();
        try
        {
            using HttpResponseMessage response = http.GetAsync($"http://127.0.0.1:{port}{path}", HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                return null;
            using Stream body = response.Content.ReadAsStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.Read(buffer, 0, buffer.Length)) > 0)
                total += n;
            clock.Stop();
            long? announced = response.Content.Headers.ContentLength;
            if ((expectedBytes >= 0 && total != expectedBytes) || (announced is long length && total != length) || total == 0)
                return null;
            return total / (1024.0 * 1024.0) / clock.Elapsed.TotalSeconds;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return null;
        }
    }
}
