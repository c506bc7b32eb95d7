using Internal.Runtime;
using Uk.Core;
using Uk.Dotnet.SystemNative;

namespace Uk.Net.Dotnet;

// The stack as .NET's System.Net.Sockets sees it on the dotnet library: IPv4 TCP and UDP
// sockets and the DNS resolver, installed into the dotnet library's SocketSeam at boot.
// Every call takes Network.Lock and never waits, except Resolve.
internal sealed class DotnetSocketLayer : ISocketLayer
{
    private const long ResolveTimeout = 10 * Clock.NanosecondsPerSecond;

    public string HostName => "localhost";

    public int Create(bool stream, out ISocketNode? node)
    {
        node = stream ? new TcpSocketNode() : new UdpSocketNode();
        return 0;
    }

    public int Resolve(string name, out uint[] addresses)
    {
        addresses = System.Array.Empty<uint>();
        NetStack? stack = Network.Stack;
        if (stack is null)
            return Errors.ENETDOWN;
        var done = new Uk.Sched.Event(autoReset: false);
        Network.Lock.Lock();
        DnsLookup lookup = stack.Dns.Resolve(name, Clock.Monotonic);
        lookup.Changed = done.Set;
        Network.Lock.Unlock();
        long deadline = Clock.Monotonic + ResolveTimeout;
        while (!lookup.IsDone && done.Wait(deadline))
            done.Reset();
        switch (lookup.Status)
        {
            case DnsStatus.Resolved:
                addresses = new[] { lookup.Address.Value };
                return 0;
            case DnsStatus.NotFound:
            case DnsStatus.InvalidName:
                return Errors.ENOENT;
            case DnsStatus.NoServer:
                return Errors.ENETDOWN;
            default:
                return Errors.ETIMEDOUT;
        }
    }
}
