using System;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;

// Usage (application arguments): [kib=<per direction>] [loss=<per mille>] [seed=<n>]
// Two TcpLayers back to back over an in-memory lossy link, no device: one connection, a
// seeded stream each way at once, both ends close; prints each direction's byte count and
// hash, the simulated and the real time, and the counters.
long kib = 4096;
int loss = 20;
ulong seed = 1;
for (int i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("kib="))
        kib = long.Parse(args[i].Substring(4));
    else if (args[i].StartsWith("loss="))
        loss = int.Parse(args[i].Substring(5));
    else if (args[i].StartsWith("seed="))
        seed = (ulong)long.Parse(args[i].Substring(5));
}

const long Millisecond = 1_000_000;
long total = kib * 1024;
var link = new LossyLink(seed, loss);
link.A = new TcpLayer(link.SideA, new TcpOptions { Seed = seed * 2 + 1 });
link.B = new TcpLayer(link.SideB, new TcpOptions { Seed = seed * 2 + 2 });
TcpListenerEndpoint listener = link.B.Listen(link.AddressB, 5001, 4);
long started = Clock.Monotonic;
var client = new StreamEnd(link.A.Connect(link.AddressB, 5001, link.Now), seed * 7 + 1, total);
StreamEnd? server = null;

// Runs until both ends have read end of stream and both connections are gone (TIME_WAIT
// expired), or the simulated clock passes ten minutes.
long steps = 0;
while (link.Now < 600_000 * Millisecond)
{
    if (server is null)
    {
        TcpConnection? accepted = listener.Accept();
        if (accepted is not null)
            server = new StreamEnd(accepted, seed * 7 + 2, total);
    }
    client.Pump(link.Now);
    server?.Pump(link.Now);
    if (client.Connection.IsReset || (server is not null && server.Connection.IsReset))
        break;
    if (server is not null && client.EndOfStream && server.EndOfStream && link.A.ConnectionCount == 0 && link.B.ConnectionCount == 0)
        break;
    if (!link.Step())
        break;
    steps++;
}
long elapsed = Clock.Monotonic - started;

Console.WriteLine("net-loopback: " + kib.ToString() + " KiB each way, loss " + loss.ToString() + "/1000, seed " + seed.ToString());
Console.WriteLine("net-loopback: link " + link.Sent.ToString() + " segments, " + link.Dropped.ToString() + " dropped, " + steps.ToString() + " steps");
bool ok = server is not null;
if (server is not null)
{
    ok &= Report("a->b", client.SentBytes, client.SentHash, server.ReceivedBytes, server.ReceivedHash, total);
    ok &= Report("b->a", server.SentBytes, server.SentHash, client.ReceivedBytes, client.ReceivedHash, total);
    ok &= client.EndOfStream && server.EndOfStream;
}
else
    Console.WriteLine("FAIL: no connection accepted");
ok &= link.A.ConnectionCount == 0 && link.B.ConnectionCount == 0;
Console.WriteLine("net-loopback: simulated " + (link.Now / Millisecond).ToString() + " ms, real " + (elapsed / Millisecond).ToString() + " ms, "
    + (elapsed > 0 ? (total * 2 * 1_000_000 / (elapsed / 1000) / 1024).ToString() : "?") + " KiB/s");
Console.WriteLine("net-loopback: connections left " + link.A.ConnectionCount.ToString() + " and " + link.B.ConnectionCount.ToString()
    + ", reset " + client.Connection.IsReset.ToString());
Console.WriteLine("tcp a:");
Console.Write(link.A.Statistics.Render(nonZeroOnly: true));
Console.WriteLine("tcp b:");
Console.Write(link.B.Statistics.Render(nonZeroOnly: true));
Console.WriteLine(ok ? "net-loopback: ok" : "net-loopback: FAIL");
return ok ? 0 : 1;

static bool Report(string direction, long sent, ulong sentHash, long received, ulong receivedHash, long total)
{
    bool match = sent == total && received == sent && sentHash == receivedHash;
    Console.WriteLine("net-loopback: " + direction + " sent " + sent.ToString() + " hash " + sentHash.ToString("x16")
        + ", received " + received.ToString() + " hash " + receivedHash.ToString("x16") + (match ? " match" : " MISMATCH"));
    return match;
}
