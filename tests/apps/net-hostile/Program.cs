using System;
using System.Collections.Generic;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;
using Uk.Sched;

// Serves HTTP on port 80 until one connection has sent a full request ("\r\n\r\n") and been
// answered, then prints the stack's counters and exits 0; whatever arrives meanwhile (the
// test's garbage and floods) must only be dropped and counted. Exits 1 after 120 s.
const long Second = 1_000_000_000;
long deadline = Clock.Monotonic + 120 * Second;
if (!Network.WaitConfigured(Clock.Monotonic + 10 * Second))
{
    Console.WriteLine("net-hostile: no address");
    return 1;
}
NetStack stack = Network.Stack!;
TcpLayer tcp = Network.Tcp!;
for (int i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("serve"))
    {
        // serve[=<MiB for GET /big>]: bench/net's server, never returns.
        long mib = args[i].StartsWith("serve=") ? long.Parse(args[i].Substring(6)) : 32;
        BenchServer.Run(stack, mib << 20);
    }
}
var wake = new Event(autoReset: true);
Network.Lock.Lock();
TcpListenerEndpoint listener = tcp.Listen(stack.Address, 80, 64);
listener.Changed = wake.Set;
Network.Lock.Unlock();
Console.WriteLine("net-hostile: listening on 80");

string text = "HTTP/1.0 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nhostile!\n";
var answer = new byte[text.Length];
for (int i = 0; i < text.Length; i++)
    answer[i] = (byte)text[i];
var connections = new List<TcpConnection>();
var received = new List<int>();
var buffer = new byte[2048];
bool served = false;
while (!served)
{
    Network.Lock.Lock();
    long now = Clock.Monotonic;
    TcpConnection? accepted;
    while ((accepted = listener.Accept()) is not null)
    {
        accepted.Changed = _ => wake.Set();
        connections.Add(accepted);
        received.Add(0);
    }
    for (int i = 0; i < connections.Count && !served; i++)
    {
        TcpConnection c = connections[i];
        int n;
        while ((n = c.Receive(buffer, now)) > 0)
        {
            // Counts the request's end marker across reads: 4 matching bytes in a row.
            for (int k = 0; k < n; k++)
            {
                int state = received[i];
                byte want = (state & 1) == 0 ? (byte)'\r' : (byte)'\n';
                received[i] = buffer[k] == want ? state + 1 : (buffer[k] == '\r' ? 1 : 0);
                if (received[i] == 4)
                    break;
            }
            if (received[i] == 4)
                break;
        }
        if (received[i] == 4)
        {
            c.Send(answer, now);
            c.Close(now);
            served = true;
            Console.WriteLine("net-hostile: served " + c.RemoteAddress.ToString() + ":" + c.RemotePort.ToString());
        }
    }
    Network.Lock.Unlock();
    if (!served && !wake.Wait(deadline))
    {
        Console.WriteLine("net-hostile: nothing served");
        break;
    }
}
// Lets the answer and the FIN go out (the test acknowledges them) before the counters.
long drain = Clock.Monotonic + 2 * Second;
while (Clock.Monotonic < drain)
    wake.Wait(drain);
Network.Lock.Lock();
Network.PrintStatistics();
Network.Lock.Unlock();
Console.WriteLine("net-hostile: done");
return served ? 0 : 1;
