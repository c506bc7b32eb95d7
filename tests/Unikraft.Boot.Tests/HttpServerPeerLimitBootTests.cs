using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// max-connections-per-peer on apps/httpserver (3 here; every host client arrives from
// 10.0.2.2 through QEMU's user network): a fourth connection from the address sheds its
// longest-waiting one, and while all three are busy answering it is refused with 503; both
// are counted in /stats.
public sealed class HttpServerPeerLimitBootTests(PeerLimitHttpServerGuest guest) : IClassFixture<PeerLimitHttpServerGuest>
{
    [Fact]
    public void AFourthConnectionShedsTheLongestWaitingAndIsRefusedWhenAllAreBusy()
    {
        Dictionary<string, long> before = SettledStats();

        // Three idle connections, then a fourth: the first (waiting longest) is reset.
        TcpClient[] idle = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();
        try
        {
            // Closed by the server, not the client's receive timeout running out.
            var clock = Stopwatch.StartNew();
            Assert.Equal("", ReadToEnd(idle[0].GetStream()));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the first connection was not shed: " + clock.Elapsed);
            // The second one is still served.
            NetworkStream second = idle[1].GetStream();
            second.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: guest\r\nConnection: close\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 200 OK", ReadToEnd(second));
        }
        finally
        {
            foreach (TcpClient client in idle)
                client.Dispose();
        }
        Dictionary<string, long> afterShed = SettledStats();
        Assert.True(afterShed["http-shed-peer-limit"] > before["http-shed-peer-limit"], "nothing shed for the peer limit");

        // Three downloads the client does not read: each stays busy sending. A fourth gets 503.
        TcpClient[] busy = Enumerable.Range(0, 3).Select(_ => Open()).ToArray();
        string refused;
        try
        {
            foreach (TcpClient client in busy)
                client.GetStream().Write(Encoding.ASCII.GetBytes("GET /big?bytes=200000000 HTTP/1.1\r\nHost: guest\r\n\r\n"));
            // Until every one of them has its answer under way (then none waits for a head).
            foreach (TcpClient client in busy)
                client.GetStream().ReadExactly(new byte[1000]);
            using TcpClient fourth = Open();
            refused = ReadToEnd(fourth.GetStream());
        }
        finally
        {
            foreach (TcpClient client in busy)
                client.Dispose();
        }
        Assert.StartsWith("HTTP/1.1 503 Service Unavailable\r\n", refused);
        Dictionary<string, long> end = SettledStats();
        Console.WriteLine("httpserver per-peer limit 3: http-shed-peer-limit " + end["http-shed-peer-limit"] + ", http-refused-peer-limit "
            + end["http-refused-peer-limit"] + ", http-shed " + end["http-shed"] + ", http-connections " + end["http-connections"]);
        Assert.Equal(afterShed["http-refused-peer-limit"] + 1, end["http-refused-peer-limit"]);
        Assert.Equal(0, end["http-refused-busy"]);
        Assert.DoesNotContain(guest.Session.Lines, l => l.StartsWith("PANIC"));
    }

    private TcpClient Open()
    {
        var client = new TcpClient { ReceiveTimeout = 30_000, SendTimeout = 30_000, NoDelay = true };
        guest.ConnectForwarded(client);
        // The guest accepts in order: a pause makes each one's waiting time distinct.
        Thread.Sleep(300);
        return client;
    }

    // /stats once the address's other connections have ended in the guest (until then the
    // request for it may itself meet the limit and get 503).
    private Dictionary<string, long> SettledStats()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Dictionary<string, long> stats = guest.Stats();
            if (stats.TryGetValue("http-active", out long active) && active == 1)
                return stats;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the guest's connections did not end");
            Thread.Sleep(250);
        }
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
