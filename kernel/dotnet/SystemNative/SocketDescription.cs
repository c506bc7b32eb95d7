using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// One socket descriptor: the stack's socket, the descriptor's own flags and option values,
// and what waits on it (blocking calls through Signal, an event port through Post). Blocking
// is the descriptor's business, as on Linux: the stack's socket never waits.
internal sealed class SocketDescription
{
    private SocketEventPort? _port;

    internal SocketDescription(ISocketNode node)
    {
        Node = node;
        node.Changed = OnChanged;
    }

    internal ISocketNode Node { get; }

    internal ChangeSignal Signal { get; } = new ChangeSignal();

    internal bool NonBlocking { get; set; }

    // SO_RCVTIMEO and SO_SNDTIMEO in milliseconds; 0 waits forever.
    internal int ReceiveTimeout { get; set; }

    internal int SendTimeout { get; set; }

    internal bool LingerOn { get; set; }

    internal int LingerSeconds { get; set; }

    // Option values the stack does not act on, kept so getsockopt reads back what was set.
    internal SocketOptionValues Options { get; } = new SocketOptionValues();

    internal bool Closed { get; private set; }

    // The event port's cookie (the descriptor, as .NET registers it) and whether the socket
    // is queued on the port.
    internal nint PortData { get; private set; }

    internal bool QueuedOnPort { get; set; }

    internal SocketEventPort? Port => _port;

    internal void Register(SocketEventPort port, nint data)
    {
        PortData = data;
        _port = port;
        // epoll reports a socket that is already ready when it is added.
        port.Post(this);
    }

    internal void Unregister() => _port = null;

    internal void Close()
    {
        Closed = true;
        _port = null;
        Node.Close(abort: LingerOn && LingerSeconds == 0);
        Signal.Raise();
    }

    // The deadline for a blocking call with a timeout in milliseconds (0: none).
    internal static long Deadline(int timeoutMs) =>
        timeoutMs <= 0 || !ClockSeam.IsInstalled ? long.MaxValue : ClockSeam.MonotonicNanoseconds + timeoutMs * 1_000_000L;

    private void OnChanged()
    {
        Signal.Raise();
        _port?.Post(this);
    }
}

// SOL_SOCKET and IPPROTO_TCP options kept per socket.
internal sealed class SocketOptionValues
{
    internal bool ReuseAddress { get; set; }

    internal bool KeepAlive { get; set; }

    internal bool Broadcast { get; set; }

    internal bool NoDelay { get; set; }

    internal bool DontFragment { get; set; }

    // Linux's defaults for a TCP socket on loopback-sized memory.
    internal int ReceiveBuffer { get; set; } = 131072;

    internal int SendBuffer { get; set; } = 16384;

    internal int TimeToLive { get; set; } = 64;

    internal int KeepAliveTime { get; set; } = 7200;

    internal int KeepAliveInterval { get; set; } = 75;

    internal int KeepAliveRetryCount { get; set; } = 9;
}
