using System;
using Uk.Core;
using Uk.Net;
using Uk.Sched;

// Usage (application arguments): [pings=<count>] [echo=<datagrams>] [resolve=<name>] [tcp]
// Waits for the address, pings the gateway, optionally resolves a name, then echoes UDP
// datagrams on port 7 until it has echoed the given number (or receives "quit"); one too
// big to send back whole is answered with its length and byte sum.
int pings = 3, echo = 0;
string resolve = "";
bool tcpEcho = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("pings="))
        pings = int.Parse(args[i].Substring(6));
    else if (args[i].StartsWith("echo="))
        echo = int.Parse(args[i].Substring(5));
    else if (args[i].StartsWith("resolve="))
        resolve = args[i].Substring(8);
    else if (args[i] == "tcp")
        tcpEcho = true;
}

const long Second = 1_000_000_000;
if (!Network.WaitConfigured(Clock.Monotonic + 10 * Second))
{
    Console.WriteLine("net-ping: no address");
    return 1;
}
NetStack stack = Network.Stack!;
var wake = new Event(autoReset: true);
int replies = 0;
Network.Lock.Lock();
Console.WriteLine("net-ping: configured " + stack.Address.ToString() + " gw " + stack.Gateway.ToString());
stack.Icmp.EchoReply = (from, id, sequence) =>
{
    if (id == 0x4242)
        replies++;
    wake.Set();
};
Network.Lock.Unlock();

// Loopback: a datagram to 127.0.0.1 comes back through the network thread's next turn
// (twice: the first turn also starts the thread).
for (int round = 0; round < 2; round++)
{
    Network.Lock.Lock();
    UdpEndpoint self = stack.OpenUdp((ushort)(9 + round));
    self.Changed = wake.Set;
    long sent = Clock.Monotonic;
    self.Send(IPv4Address.Loopback, self.LocalPort, new byte[] { 42 });
    Network.Lock.Unlock();
    long deadline = Clock.Monotonic + 2 * Second;
    var one = new byte[4];
    bool back = false;
    while (!back)
    {
        Network.Lock.Lock();
        back = self.TryReceive(one, out int length, out IPv4Address from, out _) && length == 1 && one[0] == 42 && from == IPv4Address.Loopback;
        Network.Lock.Unlock();
        if (!back && !wake.Wait(deadline))
            break;
    }
    Network.Lock.Lock();
    self.Close();
    Network.Lock.Unlock();
    Console.WriteLine("net-ping: loopback " + (back ? "ok in " + ((Clock.Monotonic - sent) / 1000).ToString() + " us" : "lost"));
}

long start = Clock.Monotonic;
for (int n = 0; n < pings; n++)
{
    Network.Lock.Lock();
    stack.Icmp.SendEchoRequest(stack.Gateway, 0x4242, (ushort)n, new byte[56]);
    Network.Lock.Unlock();
    long deadline = Clock.Monotonic + 2 * Second;
    while (replies <= n && wake.Wait(deadline)) { }
}
long elapsedUs = (Clock.Monotonic - start) / 1000;
Console.WriteLine("net-ping: " + replies.ToString() + "/" + pings.ToString() + " replies from " + stack.Gateway.ToString()
    + " in " + elapsedUs.ToString() + " us");

if (resolve.Length > 0)
{
    Network.Lock.Lock();
    DnsLookup lookup = stack.Dns.Resolve(resolve, Clock.Monotonic);
    lookup.Changed = wake.Set;
    Network.Lock.Unlock();
    long deadline = Clock.Monotonic + 10 * Second;
    while (!lookup.IsDone && wake.Wait(deadline)) { }
    Console.WriteLine("net-ping: resolve " + resolve + " " + StatusName(lookup.Status) + " " + lookup.Address.ToString());
}

if (echo > 0)
{
    Network.Lock.Lock();
    UdpEndpoint endpoint = stack.OpenUdp(7);
    endpoint.Changed = wake.Set;
    Network.Lock.Unlock();
    Console.WriteLine("net-ping: udp echo on 7");
    var buffer = new byte[16384];
    var summary = new byte[8];
    int echoed = 0;
    bool quit = false;
    while (echoed < echo && !quit)
    {
        Network.Lock.Lock();
        while (endpoint.TryReceive(buffer, out int length, out IPv4Address from, out ushort port))
        {
            if (length == 4 && buffer[0] == 'q' && buffer[1] == 'u' && buffer[2] == 'i' && buffer[3] == 't')
                quit = true;
            else if (length > stack.MaxPayload - 8 && length <= buffer.Length)
            {
                // Too big to echo unfragmented (it arrived in fragments): answer with its
                // length and byte sum, big-endian.
                uint sum = 0;
                for (int i = 0; i < length; i++)
                    sum += buffer[i];
                NetworkOrder.WriteUInt32(summary, (uint)length);
                NetworkOrder.WriteUInt32(new Span<byte>(summary, 4, 4), sum);
                if (endpoint.Send(from, port, summary))
                    echoed++;
            }
            else if (endpoint.Send(from, port, new ReadOnlySpan<byte>(buffer, 0, Math.Min(length, buffer.Length))))
                echoed++;
        }
        Network.Lock.Unlock();
        if (echoed < echo && !quit && !wake.Wait(Clock.Monotonic + 30 * Second))
            break;
    }
    Console.WriteLine("net-ping: echoed " + echoed.ToString());
}

if (tcpEcho)
    Console.WriteLine("net-ping: tcp echoed " + TcpEcho.Run(stack, Clock.Monotonic + 60 * Second).ToString() + " bytes");

Network.Lock.Lock();
Network.PrintStatistics();
Network.Lock.Unlock();
return replies == pings ? 0 : 2;

static string StatusName(DnsStatus status) => status switch
{
    DnsStatus.Resolved => "resolved",
    DnsStatus.NotFound => "not-found",
    DnsStatus.Failed => "failed",
    DnsStatus.InvalidName => "invalid-name",
    DnsStatus.NoServer => "no-server",
    _ => "pending",
};
