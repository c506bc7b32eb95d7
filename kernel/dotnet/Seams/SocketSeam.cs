using System;

namespace Internal.Runtime;

// The image's TCP/IP stack as System.Native's socket functions need it: netstack installs
// itself here in the dotnet flavour. Without it (no netstack in unikernel.yaml) socket(2)
// fails with EAFNOSUPPORT and .NET reports a SocketException; name resolution fails.
// Every member returns 0 or a PAL error number (Interop.Error) with POSIX's meaning, never
// waits, and is safe to call from any thread; the dotnet library does the waiting.
internal static class SocketSeam
{
    internal static ISocketLayer? Installed { get; private set; }

    internal static void Install(ISocketLayer layer) => Installed = layer;
}

internal interface ISocketLayer
{
    // socket(2) for IPv4: a TCP stream or a UDP datagram socket.
    int Create(bool stream, out ISocketNode? node);

    // The IPv4 addresses of a host name (the dotnet library answers localhost and dotted
    // quads itself); blocks for the resolver. 0, or a PAL error: ENOENT when the name does not exist, ETIMEDOUT
    // when no server answered, ENETDOWN without a configured interface.
    int Resolve(string name, out uint[] addresses);

    string HostName { get; }
}

// What a socket is ready for; the values are System.Native's SocketEvents.
[Flags]
internal enum SocketReadiness
{
    None = 0,
    // Data, a datagram, a connection to accept, the end of the stream or an error.
    Readable = 0x01,
    // Room to send, or an error (a writer then learns of it).
    Writable = 0x02,
    // The peer sent FIN.
    ReadClosed = 0x04,
    // Both directions are over (closed, reset, or a connection attempt failed).
    Closed = 0x08,
    Error = 0x10,
}

// One IPv4 socket. Addresses are host-order values (a.b.c.d is a << 24 | ... | d); ports
// are 0 to 65,535. Operations that cannot proceed now return EAGAIN (EINPROGRESS for
// connect); Changed is called, with the stack's lock held, whenever readiness may have
// changed, and must only signal.
internal interface ISocketNode
{
    Action? Changed { set; }

    bool IsStream { get; }

    bool IsListening { get; }

    SocketReadiness Readiness { get; }

    // Bytes readable now (the next datagram's length for UDP).
    int Available { get; }

    int Bind(uint address, int port);

    int Listen(int backlog);

    int Accept(out ISocketNode? connection);

    // TCP: starts the handshake (EINPROGRESS); UDP: sets the default peer.
    int Connect(uint address, int port);

    // SO_ERROR: the error that ended a connection attempt or a connection, once.
    int TakeError();

    // recv/recvfrom: count 0 with 0 is the end of the stream; truncated when a datagram was
    // longer than the buffer (the rest is dropped).
    int Receive(Span<byte> buffer, bool peek, out int count, out uint fromAddress, out int fromPort, out bool truncated);

    // send/sendto (a destination for unconnected UDP); sent may be less than data for TCP.
    int Send(ReadOnlySpan<byte> data, bool toDestination, uint address, int port, out int sent);

    int Shutdown(bool receive, bool send);

    // An abortive end (RST) that wakes whatever waits on the socket.
    int Disconnect();

    // close(2): in order (FIN), or with a reset when abort is set or unread data remains.
    void Close(bool abort);

    bool GetLocal(out uint address, out int port);

    bool GetRemote(out uint address, out int port);
}
