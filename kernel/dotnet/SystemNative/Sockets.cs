using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// socket(2) and the calls that make, bind, connect, accept and end sockets, over the stack
// netstack installs (SocketSeam). IPv4 TCP and UDP: an IPv6 socket fails with EAFNOSUPPORT,
// which makes .NET use IPv4 (Socket.OSSupportsIPv6 is false). Each returns 0 or the PAL
// error, as System.Native does; blocking calls wait on the socket's signal.
internal static unsafe class Sockets
{
    // System.Net.SocketType and ProtocolType values.
    private const int TypeStream = 1;
    private const int TypeDgram = 2;
    private const int ProtocolUnspecified = 0;
    private const int ProtocolTcp = 6;
    private const int ProtocolUdp = 17;

    // SOMAXCONN on Linux; .NET's Listen() asks for int.MaxValue.
    private const int MaxBacklog = 4096;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Socket")]
    private static int Create(int family, int type, int protocol, nint* created)
    {
        *created = -1;
        ISocketLayer? layer = SocketSeam.Installed;
        if (layer is null || family != SocketAddresses.FamilyInterNetwork)
            return Errors.EAFNOSUPPORT;
        bool stream;
        if (type == TypeStream && protocol is ProtocolUnspecified or ProtocolTcp)
            stream = true;
        else if (type == TypeDgram && protocol is ProtocolUnspecified or ProtocolUdp)
            stream = false;
        else if (type is TypeStream or TypeDgram)
            return Errors.EPROTONOSUPPORT;
        else
            return Errors.ESOCKTNOSUPPORT;
        int error = layer.Create(stream, out ISocketNode? node);
        if (error != 0)
            return error;
        int fd = FileDescriptors.Add(new SocketDescription(node!));
        if (fd < 0)
        {
            node!.Close(abort: true);
            return -fd;
        }
        *created = fd;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Bind")]
    private static int Bind(nint socket, int protocolType, byte* address, int length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        int error = SocketAddresses.ReadIPv4(address, length, out uint ip, out int port);
        return error != 0 ? error : s.Node.Bind(ip, port);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Listen")]
    private static int Listen(nint socket, int backlog)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        return s.Node.Listen(backlog <= 0 ? 1 : backlog > MaxBacklog ? MaxBacklog : backlog);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Accept")]
    private static int Accept(nint socket, byte* address, int* length, nint* accepted)
    {
        *accepted = -1;
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        long deadline = SocketDescription.Deadline(s.ReceiveTimeout);
        ISocketNode? connection;
        while (true)
        {
            int seen = s.Signal.Version;
            int error = s.Node.Accept(out connection);
            if (error == 0)
                break;
            if (error != Errors.EAGAIN || s.NonBlocking)
                return error;
            if (!s.Signal.WaitForChange(seen, deadline))
                return Errors.EAGAIN;
            if (s.Closed)
                return Errors.EBADF;
        }
        int fd = FileDescriptors.Add(new SocketDescription(connection!));
        if (fd < 0)
        {
            connection!.Close(abort: true);
            return -fd;
        }
        if (address is not null && length is not null && connection!.GetRemote(out uint ip, out int port))
        {
            int room = *length;
            if (!SocketAddresses.WriteIPv4(address, length, ip, port))
                *length = room < SocketAddresses.IPv4Size ? SocketAddresses.IPv4Size : room;
        }
        *accepted = fd;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Connect")]
    private static int Connect(nint socket, byte* address, int length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        int error = SocketAddresses.ReadIPv4(address, length, out uint ip, out int port);
        if (error != 0)
            return error;
        int seen = s.Signal.Version;
        error = s.Node.Connect(ip, port);
        if (error != Errors.EINPROGRESS || s.NonBlocking)
            return error;
        // A blocking connect waits for the handshake's end (SO_SNDTIMEO bounds it, as on Linux).
        long deadline = SocketDescription.Deadline(s.SendTimeout);
        while ((s.Node.Readiness & (SocketReadiness.Writable | SocketReadiness.Closed | SocketReadiness.Error)) == 0)
        {
            if (!s.Signal.WaitForChange(seen, deadline))
                return Errors.EINPROGRESS;
            if (s.Closed)
                return Errors.EBADF;
            seen = s.Signal.Version;
        }
        return s.Node.TakeError();
    }

    // connectx(2) with data is macOS's; .NET calls it only there.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Connectx")]
    private static int Connectx(nint socket, byte* address, int length, byte* data, int dataLength, int fastOpen, int* sent)
    {
        *sent = 0;
        return Errors.EOPNOTSUPP;
    }

    // What .NET calls to end blocking calls on a socket it closes: a reset, as Linux's
    // connect(AF_UNSPEC) does.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Disconnect")]
    private static int Disconnect(nint socket)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        return s is null ? NotASocket(socket) : s.Node.Disconnect();
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Shutdown")]
    private static int Shutdown(nint socket, int how)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        // System.Net.Sockets.SocketShutdown: Receive 0, Send 1, Both 2.
        if (how is < 0 or > 2)
            return Errors.EINVAL;
        return s.Node.Shutdown(receive: how != 1, send: how != 0);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSockName")]
    private static int GetSockName(nint socket, byte* address, int* length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        s.Node.GetLocal(out uint ip, out int port);
        return SocketAddresses.WriteIPv4(address, length, ip, port) ? 0 : Errors.EINVAL;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPeerName")]
    private static int GetPeerName(nint socket, byte* address, int* length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        if (!s.Node.GetRemote(out uint ip, out int port))
            return Errors.ENOTCONN;
        return SocketAddresses.WriteIPv4(address, length, ip, port) ? 0 : Errors.EINVAL;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetBytesAvailable")]
    private static int GetBytesAvailable(nint socket, int* available)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        *available = s.Node.Available;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetAtOutOfBandMark")]
    private static int GetAtOutOfBandMark(nint socket, int* atMark)
    {
        *atMark = 0;
        return FileDescriptors.FindSocket(socket) is null ? NotASocket(socket) : 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSocketType")]
    private static int GetSocketType(nint socket, int* family, int* type, int* protocol, int* isListening)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return NotASocket(socket);
        *family = SocketAddresses.FamilyInterNetwork;
        *type = s.Node.IsStream ? TypeStream : TypeDgram;
        *protocol = s.Node.IsStream ? ProtocolTcp : ProtocolUdp;
        *isListening = s.Node.IsListening ? 1 : 0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_InterfaceNameToIndex")]
    private static uint InterfaceNameToIndex(byte* name)
    {
        Errors.Fail(Errors.ENODEV);
        return 0;
    }

    // fcntl(2) flags: every descriptor is close-on-exec (nothing is ever exec'd, and .NET
    // unblocks only sockets that have the flag when it closes them).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FcntlGetFD")]
    private static int GetDescriptorFlags(nint fd) => IsOpen(fd) ? 1 : Errors.Fail(Errors.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FcntlSetIsNonBlocking")]
    private static int SetNonBlocking(nint fd, int isNonBlocking)
    {
        SocketDescription? s = FileDescriptors.FindSocket(fd);
        if (s is not null)
        {
            s.NonBlocking = isNonBlocking != 0;
            return 0;
        }
        return IsOpen(fd) ? 0 : Errors.Fail(Errors.EBADF);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FcntlGetIsNonBlocking")]
    private static int GetNonBlocking(nint fd, int* isNonBlocking)
    {
        SocketDescription? s = FileDescriptors.FindSocket(fd);
        if (s is null && !IsOpen(fd))
            return Errors.Fail(Errors.EBADF);
        *isNonBlocking = s is { NonBlocking: true } ? 1 : 0;
        return 0;
    }

    internal static int NotASocket(nint fd) => IsOpen(fd) ? Errors.ENOTSOCK : Errors.EBADF;

    private static bool IsOpen(nint fd) => fd is 0 or 1 or 2 || FileDescriptors.FindAny(fd) is not null;
}
