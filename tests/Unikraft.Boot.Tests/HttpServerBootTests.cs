using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Unikraft.Boot.Tests;

// apps/httpserver behind QEMU's user network, driven by real clients on the host: curl for
// pages small and large, 200 concurrent keep-alive connections, wrk, and requests the server
// must refuse. One guest serves a whole class, so it also has to survive them all. Each
// network device the server runs on is a class deriving from this one with its own guest
// (NetworkBootTests: virtio-net; E1000BootTests, E1000eBootTests: the Intel NICs).
public abstract class HttpServerBootTests(HttpServerGuest guest)
{
    protected HttpServerGuest Guest => guest;

    // The guest's /stats page (the server's, the stack's and the device's counters) after
    // requests of the test's own, so it reads the same whichever tests ran before.
    protected string StatsAfterRequests(int requests)
    {
        for (int i = 0; i < requests; i++)
            Assert.Equal(0, Curl("-o", "/dev/null", guest.Url("/")).ExitCode);
        return Curl(guest.Url("/stats")).Output;
    }

    private static HostProcessResult Curl(params string[] arguments) =>
        HostProcess.Run("curl", ["-s", "-S", "--max-time", "120", .. arguments], TimeSpan.FromSeconds(150));

    [Fact]
    public void CurlFetchesTheIndexPage()
    {
        string body = Path.GetTempFileName();
        try
        {
            HostProcessResult run = Curl("-D", "-", "-o", body, guest.Url("/"));
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("HTTP/1.1 200 OK", run.Output);
            Assert.Contains("Content-Length: 612", run.Output);
            Assert.Contains("Content-Type: text/html", run.Output);
            byte[] page = File.ReadAllBytes(body);
            Assert.Equal(612, page.Length);
            string text = Encoding.ASCII.GetString(page);
            Assert.StartsWith("<!DOCTYPE html>", text);
            Assert.Contains("<h1>It works.</h1>", text);
            Assert.EndsWith("</html>\n", text);
        }
        finally
        {
            File.Delete(body);
        }
    }

    [Fact]
    public void CurlDownloadsTenMegabytesIntact()
    {
        const int Length = 10 * 1024 * 1024;
        string body = Path.GetTempFileName();
        try
        {
            HostProcessResult run = Curl("-o", body, "-w", "%{http_code} %{size_download}", guest.Url("/big?bytes=" + Length));
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("200 " + Length, run.Output.Trim());
            byte[] expected = new byte[Length];
            for (int i = 0; i < Length; i++)
                expected[i] = i % 64 == 63 ? (byte)'\n' : (byte)('a' + i % 26);
            Assert.Equal(SHA256.HashData(expected), SHA256.HashData(File.ReadAllBytes(body)));
        }
        finally
        {
            File.Delete(body);
        }
    }

    [Fact]
    public void TwoHundredConcurrentKeepAliveConnectionsComplete()
    {
        const int Connections = 200;
        const int Workers = 50;
        const int RequestsEach = 5;
        int completed = 0;
        var clients = new TcpClient[Connections];
        var failures = new List<Exception>();
        // Every connection is open before any request goes: 200 at once in the guest. They are
        // opened one at a time, each once QEMU took the one before (see ConnectForwarded):
        // otherwise the requests go out together, so the retransmissions of those whose
        // handshake slirp lost arrive together too and most find its queue full again, past
        // the receive timeout.
        string stats;
        try
        {
            for (int c = 0; c < Connections; c++)
            {
                clients[c] = new TcpClient { ReceiveTimeout = 60_000, SendTimeout = 60_000, NoDelay = true };
                guest.ConnectForwarded(clients[c]);
            }
            var workers = new List<Thread>();
            for (int w = 0; w < Workers; w++)
            {
                int first = w;
                var worker = new Thread(() =>
                {
                    try
                    {
                        for (int c = first; c < Connections; c += Workers)
                        {
                            NetworkStream stream = clients[c].GetStream();
                            for (int r = 0; r < RequestsEach; r++)
                            {
                                stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\n\r\n"));
                                string head = ReadHead(stream);
                                if (!head.StartsWith("HTTP/1.1 200 OK", StringComparison.Ordinal) || !head.Contains("Connection: keep-alive"))
                                    throw new InvalidOperationException("connection " + c + " request " + r + ": '" + head + "'");
                                byte[] body = new byte[612];
                                stream.ReadExactly(body);
                                Interlocked.Increment(ref completed);
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        lock (failures)
                            failures.Add(e);
                    }
                });
                worker.Start();
                workers.Add(worker);
            }
            foreach (Thread worker in workers)
                worker.Join();
            stats = Curl(guest.Url("/stats")).Output;
        }
        finally
        {
            foreach (TcpClient? client in clients)
                client?.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + stats);
        Assert.Equal(Connections * RequestsEach, completed);
        Assert.True(Counter(stats, "http-active") >= Connections, stats);
    }

    [Fact]
    public void WrkRunsWithoutErrors()
    {
        HostProcessResult run = HostProcess.Run("wrk", ["-t2", "-c16", "-d3s", "--latency", guest.Url("/")], TimeSpan.FromSeconds(60));
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Socket errors", run.Output);
        Assert.DoesNotContain("Non-2xx", run.Output);
        string rate = run.Lines.Single(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal));
        Assert.True(double.Parse(rate["Requests/sec:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) > 10, run.Output);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", "400 Bad Request")]
    [InlineData("GET / HTTP/2.0\r\n\r\n", "505 HTTP Version Not Supported")]
    [InlineData("GET /missing HTTP/1.1\r\nConnection: close\r\n\r\n", "404 Not Found")]
    [InlineData("DELETE / HTTP/1.1\r\nConnection: close\r\n\r\n", "405 Method Not Allowed")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", "413 Payload Too Large")]
    public void BadRequestsGetTheirStatus(string request, string status)
    {
        using var client = new TcpClient { ReceiveTimeout = 30_000 };
        client.Connect("127.0.0.1", guest.Port);
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(request));
        Assert.StartsWith("HTTP/1.1 " + status, ReadHead(stream));
    }

    [Fact]
    public void OversizedHeadersAreRefused()
    {
        using var client = new TcpClient { ReceiveTimeout = 30_000 };
        client.Connect("127.0.0.1", guest.Port);
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nX-Filler: " + new string('x', 20_000) + "\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 431 ", ReadHead(stream));
    }

    [Fact]
    public void TheGuestReportsItsCounters()
    {
        string stats = Curl(guest.Url("/stats")).Output;
        Assert.True(Counter(stats, "tcp-passive-opens") >= 1, stats);
        Assert.True(Counter(stats, "dhcp-received") >= 2, stats);
        Assert.DoesNotContain(guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }

    protected static long Counter(string text, string name)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
                return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    private static string ReadHead(NetworkStream stream)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            int b = stream.ReadByte();
            if (b < 0)
                break;
            head.Append((char)b);
        }
        return head.ToString();
    }
}
