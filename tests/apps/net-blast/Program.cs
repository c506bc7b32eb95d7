using System;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;
using Uk.Sched;

// Usage: send=<a.b.c.d>:<bytes> | receive. The byte at stream offset i is (i * 31 + i / 4099)
// mod 256, so a lost, duplicated or reordered piece shows as a mismatch; the receiver prints
// "net-blast: received <bytes> sum <sum of all bytes> mismatches <n>", the sender the byte
// count it had acknowledged-into-the-buffer and closed.
const long Second = 1_000_000_000;
long deadline = Clock.Monotonic + 600 * Second;
bool receive = false;
IPv4Address peer = default;
long total = 0;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "receive")
        receive = true;
    else if (args[i].StartsWith("send="))
    {
        string spec = args[i].Substring(5);
        int colon = spec.IndexOf(':');
        IPv4Address.TryParse(spec.Substring(0, colon), out peer);
        total = long.Parse(spec.Substring(colon + 1));
    }
}
if (!Network.WaitConfigured(Clock.Monotonic + 10 * Second))
{
    Console.WriteLine("net-blast: no address");
    return 1;
}
NetStack stack = Network.Stack!;
TcpLayer tcp = Network.Tcp!;
var wake = new Event(autoReset: true);
var buffer = new byte[8192];
TcpConnection? connection = null;
if (receive)
{
    Network.Lock.Lock();
    TcpListenerEndpoint listener = tcp.Listen(stack.Address, 5001, 4);
    listener.Changed = wake.Set;
    Network.Lock.Unlock();
    Console.WriteLine("net-blast: listening on 5001");
    while (connection is null)
    {
        Network.Lock.Lock();
        connection = listener.Accept();
        if (connection is not null)
            connection.Changed = _ => wake.Set();
        Network.Lock.Unlock();
        if (connection is null && !wake.Wait(deadline))
            return 1;
    }
    long offset = 0, sum = 0, mismatches = 0;
    bool done = false;
    while (!done)
    {
        Network.Lock.Lock();
        int n = connection.Receive(buffer, Clock.Monotonic);
        if (n == 0 && (connection.RemoteClosed || connection.IsReset))
        {
            done = true;
            connection.Close(Clock.Monotonic);
        }
        Network.Lock.Unlock();
        for (int k = 0; k < n; k++, offset++)
        {
            sum += buffer[k];
            if (buffer[k] != Pattern(offset))
                mismatches++;
        }
        if (!done && n == 0 && !wake.Wait(deadline))
            return 1;
    }
    Console.WriteLine("net-blast: received " + offset.ToString() + " sum " + sum.ToString() + " mismatches " + mismatches.ToString());
}
else
{
    Network.Lock.Lock();
    connection = tcp.Connect(peer, 5001, Clock.Monotonic);
    connection.Changed = _ => wake.Set();
    Network.Lock.Unlock();
    long sent = 0, sum = 0;
    int pending = 0, start = 0;
    while (sent < total)
    {
        if (pending == 0)
        {
            int size = (int)Math.Min(buffer.Length, total - sent);
            for (int k = 0; k < size; k++)
                buffer[k] = Pattern(sent + k);
            pending = size;
            start = 0;
        }
        Network.Lock.Lock();
        int n = connection.IsReset ? -1 : connection.Send(new ReadOnlySpan<byte>(buffer, start, pending), Clock.Monotonic);
        Network.Lock.Unlock();
        if (n < 0)
        {
            Console.WriteLine("net-blast: connection reset after " + sent.ToString());
            return 1;
        }
        for (int k = 0; k < n; k++)
            sum += buffer[start + k];
        start += n;
        pending -= n;
        sent += n;
        if (n == 0 && !wake.Wait(deadline))
            return 1;
    }
    Network.Lock.Lock();
    connection.Close(Clock.Monotonic);
    Network.Lock.Unlock();
    Console.WriteLine("net-blast: sent " + sent.ToString() + " sum " + sum.ToString());
    // Stays up until the receiver has everything: the relay lets the FIN through in the end.
    long linger = Clock.Monotonic + 60 * Second;
    while (Clock.Monotonic < linger)
    {
        Network.Lock.Lock();
        TcpState state = connection.State;
        Network.Lock.Unlock();
        if (state == TcpState.Closed || state == TcpState.TimeWait)
            break;
        wake.Wait(Clock.Monotonic + Second);
    }
}
Network.Lock.Lock();
Network.PrintStatistics();
Network.Lock.Unlock();
return 0;

static byte Pattern(long i) => (byte)(i * 31 + i / 4099);
