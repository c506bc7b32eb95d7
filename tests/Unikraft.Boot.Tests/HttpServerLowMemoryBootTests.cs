using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// apps/httpserver in 24 MiB with a connection limit far above what that memory holds: 400
// clients at once. Those it cannot give a thread, buffers or a TCP connection are refused
// (503), reset or never answered, and counted; none makes it panic, and once they are gone
// it serves again with its threads back to where they were.
public sealed class HttpServerLowMemoryBootTests(SmallHttpServerGuest guest) : IClassFixture<SmallHttpServerGuest>
{
    [Fact]
    public void ClientsBeyondWhatMemoryHoldsAreRefusedNotFatal()
    {
        const int Clients = 400;
        var clients = new TcpClient?[Clients];
        // All connected first, so the guest holds them all at once; one at a time, each once
        // QEMU took the one before (slirp's backlog of 1, see ConnectForwarded).
        for (int i = 0; i < Clients; i++)
        {
            var client = new TcpClient { ReceiveTimeout = 15_000, SendTimeout = 15_000 };
            try
            {
                guest.ConnectForwarded(client);
                clients[i] = client;
            }
            catch (SocketException)
            {
                client.Dispose();
            }
        }
        var outcomes = new ConcurrentDictionary<string, int>();
        Parallel.For(0, Clients, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i =>
        {
            string outcome = "not connected";
            if (clients[i] is TcpClient client)
            {
                outcome = Ask(client);
                client.Dispose();
            }
            outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
        });
        string summary = string.Join(", ", outcomes.Select(o => o.Key + ": " + o.Value));

        Dictionary<string, long> stats = guest.Stats();
        for (int i = 0; i < 3; i++)
            Assert.Contains("<h1>It works.</h1>", HostProcess.Run("curl", ["-s", "--max-time", "30", guest.Url("/")], TimeSpan.FromSeconds(40)).Output);
        Console.WriteLine("httpserver in 24 MiB, " + Clients + " clients: " + summary + "; refused-no-memory " + stats["http-refused-no-memory"]
            + ", drop-tcp-no-memory " + stats.GetValueOrDefault("drop-tcp-no-memory") + ", heap-failures " + stats["heap-failures"]);
        Assert.DoesNotContain(guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
        Assert.True(outcomes.GetValueOrDefault("200") > 0, summary);
        // Memory ran out (a dropped SYN is retried by the host, so late clients may still get 200).
        Assert.True(stats["http-refused-no-memory"] + stats.GetValueOrDefault("drop-tcp-no-memory") > 0, "memory never ran out: " + summary);
        // Every 503 is counted (a reset may hide one from its client, so not the reverse).
        Assert.True(outcomes.GetValueOrDefault("503") <= stats["http-refused-no-memory"], summary);
        Assert.Equal(1, stats["http-active"]);
        Assert.Equal(3, stats["threads"]);
    }

    // The status the client got, or what happened instead.
    private static string Ask(TcpClient client)
    {
        try
        {
            NetworkStream stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\nConnection: close\r\n\r\n"));
            using var response = new MemoryStream();
            stream.CopyTo(response);
            string text = Encoding.ASCII.GetString(response.ToArray());
            return text.Length >= 12 && text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? text[9..12] : "closed without an answer";
        }
        catch (IOException)
        {
            return "reset or no answer";
        }
    }
}
