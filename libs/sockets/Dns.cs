using System;
using Uk.Core;
using Uk.Net;

namespace System.Net;

// Names to addresses through netstack's resolver (A records); dotted quads and "localhost"
// need no query.
public static class Dns
{
    private const long Timeout = 10 * Clock.NanosecondsPerSecond;

    public static IPAddress[] GetHostAddresses(string hostNameOrAddress) => new IPAddress[] { ResolveOne(hostNameOrAddress) };

    internal static IPAddress ResolveOne(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal))
            return literal!;
        if (host == "localhost")
            return IPAddress.Loopback;
        NetStack stack = Network.Stack ?? throw new Sockets.SocketException(Sockets.SocketError.NetworkDown);
        var done = new Uk.Sched.Event(autoReset: false);
        Network.Lock.Lock();
        DnsLookup lookup = stack.Dns.Resolve(host, Clock.Monotonic);
        lookup.Changed = done.Set;
        Network.Lock.Unlock();
        long deadline = Clock.Monotonic + Timeout;
        while (!lookup.IsDone && done.Wait(deadline))
            done.Reset();
        if (lookup.Status != DnsStatus.Resolved)
            throw new Sockets.SocketException(Sockets.SocketError.HostNotFound, "cannot resolve '" + host + "'");
        return new IPAddress(lookup.Address);
    }
}
