using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// Slow clients against apps/httpserver (20 slots, head-timeout-ms=3000, idle-timeout-ms=2000):
// a head trickled a byte at a time is cut at the head timeout whatever its pace, an idle
// keep-alive connection is closed, and slowloris with twice as many attackers as slots does
// not keep real clients from being served within 2 s.
public sealed class HttpServerSlowClientBootTests(SlowClientHttpServerGuest guest) : IClassFixture<SlowClientHttpServerGuest>
{
    [Fact]
    public void ATrickledHeadIsCutAtTheHeadTimeout()
    {
        long before = guest.Stats()["http-head-timeouts"];
        using var client = Connect();
        NetworkStream stream = client.GetStream();
        var clock = Stopwatch.StartNew();
        byte[] head = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\nX-Slow: " + new string('a', 100));
        string answer = "";
        // One byte every 250 ms: each read is quick, the head never completes.
        for (int i = 0; i < head.Length && clock.Elapsed < TimeSpan.FromSeconds(10); i++)
        {
            try
            {
                stream.Write(head, i, 1);
            }
            catch (IOException)
            {
                break;
            }
            Thread.Sleep(250);
            if (client.Available > 0)
                break;
        }
        answer = ReadToEnd(stream);
        TimeSpan cut = clock.Elapsed;
        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", answer);
        Assert.InRange(cut, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(6));
        Assert.Equal(before + 1, guest.Stats()["http-head-timeouts"]);
    }

    [Fact]
    public void AnIdleKeepAliveConnectionIsClosed()
    {
        long before = guest.Stats()["http-idle-timeouts"];
        using var client = Connect();
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\n\r\n"));
        byte[] answer = new byte[4096];
        int read = 0;
        while (!Encoding.ASCII.GetString(answer, 0, read).Contains("</html>"))
            read += stream.Read(answer, read, answer.Length - read);
        var clock = Stopwatch.StartNew();
        Assert.Equal("", ReadToEnd(stream));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
        Assert.Equal(before + 1, guest.Stats()["http-idle-timeouts"]);
    }

    [Fact]
    public void SlowlorisWithMoreAttackersThanSlotsLeavesRealClientsServed()
    {
        const int Attackers = 40;
        long shedBefore = guest.Stats()["http-shed"];
        using var stop = new CancellationTokenSource();
        long attacks = 0;
        var threads = new List<Thread>();
        for (int a = 0; a < Attackers; a++)
        {
            var thread = new Thread(() =>
            {
                // Connect, start a head, add a header line every second; start over when cut.
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var client = Connect();
                        NetworkStream stream = client.GetStream();
                        stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\n"));
                        Interlocked.Increment(ref attacks);
                        while (!stop.IsCancellationRequested && !(client.Client.Poll(0, SelectMode.SelectRead)))
                        {
                            stream.Write(Encoding.ASCII.GetBytes("X-Slow: a\r\n"));
                            stop.Token.WaitHandle.WaitOne(1000);
                        }
                    }
                    catch (Exception e) when (e is IOException or SocketException)
                    {
                    }
                }
            });
            thread.Start();
            threads.Add(thread);
        }
        var slow = new List<string>();
        try
        {
            // Let the attackers take every slot.
            Thread.Sleep(2000);
            for (int probe = 0; probe < 8; probe++)
            {
                HostProcessResult run = HostProcess.Run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "--max-time", "2", guest.Url("/")], TimeSpan.FromSeconds(10));
                if (run.ExitCode != 0 || !run.Output.StartsWith("200 ", StringComparison.Ordinal))
                    slow.Add("probe " + probe + ": exit " + run.ExitCode + " '" + run.Output.Trim() + "'");
                Thread.Sleep(500);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (Thread thread in threads)
                thread.Join();
        }
        Dictionary<string, long> stats = guest.Stats();
        Assert.True(attacks >= Attackers, "attack connections: " + attacks);
        Assert.Empty(slow);
        Assert.True(stats["http-shed"] > shedBefore, "nothing was shed");
        Assert.DoesNotContain(guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }

    private TcpClient Connect()
    {
        var client = new TcpClient { ReceiveTimeout = 15_000, SendTimeout = 15_000, NoDelay = true };
        client.Connect("127.0.0.1", guest.Port);
        return client;
    }

    // What the server sends until it closes (a reset ends it too).
    private static string ReadToEnd(NetworkStream stream)
    {
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
        }
        return text.ToString();
    }
}
