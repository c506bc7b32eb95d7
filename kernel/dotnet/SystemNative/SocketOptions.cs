using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// getsockopt and setsockopt with System.Net's level and name values, SO_ERROR, SO_LINGER
// and the timeouts. Options the stack does not act on (buffer sizes, keep-alive, TTL,
// NoDelay: segments go out as the window allows, with no Nagle delay) are kept and read
// back as Linux reads them back; unknown ones fail with ENOPROTOOPT, as on Linux.
internal static unsafe class SocketOptions
{
    private const int LevelSocket = 0xffff;
    private const int LevelIP = 0;
    private const int LevelTcp = 6;

    private const int SocketAcceptConnection = 0x0002;
    private const int SocketReuseAddress = 0x0004;
    private const int SocketKeepAlive = 0x0008;
    private const int SocketDontRoute = 0x0010;
    private const int SocketBroadcast = 0x0020;
    private const int SocketSendBuffer = 0x1001;
    private const int SocketReceiveBuffer = 0x1002;
    private const int SocketError = 0x1007;
    private const int SocketType = 0x1008;

    private const int IPTimeToLive = 4;
    private const int IPDontFragment = 14;

    private const int TcpNoDelay = 1;
    private const int TcpKeepAliveTime = 3;
    private const int TcpKeepAliveRetryCount = 16;
    private const int TcpKeepAliveInterval = 17;

    // Linux's floors for SO_RCVBUF and SO_SNDBUF after it doubles the value asked for.
    private const int MinReceiveBuffer = 2304;
    private const int MinSendBuffer = 4608;

    [StructLayout(LayoutKind.Sequential)]
    private struct LingerOption
    {
        public int OnOff;
        public int Seconds;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSockOpt")]
    private static int Get(nint socket, int level, int name, byte* value, int* length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (value is null || length is null || *length < sizeof(int))
            return Errors.EINVAL;
        SocketOptionValues o = s.Options;
        int result;
        switch (level, name)
        {
            case (LevelSocket, SocketAcceptConnection): result = s.Node.IsListening ? 1 : 0; break;
            case (LevelSocket, SocketReuseAddress): result = o.ReuseAddress ? 1 : 0; break;
            case (LevelSocket, SocketKeepAlive): result = o.KeepAlive ? 1 : 0; break;
            case (LevelSocket, SocketDontRoute): result = 0; break;
            case (LevelSocket, SocketBroadcast): result = o.Broadcast ? 1 : 0; break;
            case (LevelSocket, SocketSendBuffer): result = o.SendBuffer; break;
            case (LevelSocket, SocketReceiveBuffer): result = o.ReceiveBuffer; break;
            case (LevelSocket, SocketError): result = s.Node.TakeError(); break;
            case (LevelSocket, SocketType): result = s.Node.IsStream ? 1 : 2; break;
            case (LevelIP, IPTimeToLive): result = o.TimeToLive; break;
            case (LevelIP, IPDontFragment): result = o.DontFragment ? 1 : 0; break;
            case (LevelTcp, TcpNoDelay) when s.Node.IsStream: result = o.NoDelay ? 1 : 0; break;
            case (LevelTcp, TcpKeepAliveTime) when s.Node.IsStream: result = o.KeepAliveTime; break;
            case (LevelTcp, TcpKeepAliveInterval) when s.Node.IsStream: result = o.KeepAliveInterval; break;
            case (LevelTcp, TcpKeepAliveRetryCount) when s.Node.IsStream: result = o.KeepAliveRetryCount; break;
            default: return Errors.ENOPROTOOPT;
        }
        *(int*)value = result;
        *length = sizeof(int);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetSockOpt")]
    private static int Set(nint socket, int level, int name, byte* value, int length)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (value is null || length < sizeof(int))
            return Errors.EINVAL;
        int v = *(int*)value;
        SocketOptionValues o = s.Options;
        switch (level, name)
        {
            case (LevelSocket, SocketReuseAddress): o.ReuseAddress = v != 0; return 0;
            case (LevelSocket, SocketKeepAlive): o.KeepAlive = v != 0; return 0;
            case (LevelSocket, SocketDontRoute): return 0;
            case (LevelSocket, SocketBroadcast): o.Broadcast = v != 0; return 0;
            case (LevelSocket, SocketSendBuffer): o.SendBuffer = Doubled(v, MinSendBuffer); return 0;
            case (LevelSocket, SocketReceiveBuffer): o.ReceiveBuffer = Doubled(v, MinReceiveBuffer); return 0;
            case (LevelIP, IPTimeToLive):
                if (v is < -1 or > 255 or 0)
                    return Errors.EINVAL;
                o.TimeToLive = v == -1 ? 64 : v;
                return 0;
            case (LevelIP, IPDontFragment): o.DontFragment = v != 0; return 0;
            case (LevelTcp, TcpNoDelay) when s.Node.IsStream: o.NoDelay = v != 0; return 0;
            case (LevelTcp, TcpKeepAliveTime) when s.Node.IsStream: return SetPositive(v, x => o.KeepAliveTime = x);
            case (LevelTcp, TcpKeepAliveInterval) when s.Node.IsStream: return SetPositive(v, x => o.KeepAliveInterval = x);
            case (LevelTcp, TcpKeepAliveRetryCount) when s.Node.IsStream: return SetPositive(v, x => o.KeepAliveRetryCount = x);
            default: return Errors.ENOPROTOOPT;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSocketErrorOption")]
    private static int GetError(nint socket, int* error)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        *error = s.Node.TakeError();
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetLingerOption")]
    private static int GetLinger(nint socket, LingerOption* option)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        option->OnOff = s.LingerOn ? 1 : 0;
        option->Seconds = s.LingerSeconds;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetLingerOption")]
    private static int SetLinger(nint socket, LingerOption* option)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (option->Seconds < 0)
            return Errors.EINVAL;
        s.LingerOn = option->OnOff != 0;
        s.LingerSeconds = option->Seconds;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetReceiveTimeout")]
    private static int SetReceiveTimeout(nint socket, int milliseconds)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        s.ReceiveTimeout = milliseconds < 0 ? 0 : milliseconds;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetSendTimeout")]
    private static int SetSendTimeout(nint socket, int milliseconds)
    {
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        s.SendTimeout = milliseconds < 0 ? 0 : milliseconds;
        return 0;
    }

    // Multicast groups are not served: netstack joins none.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetIPv4MulticastOption")]
    private static int GetIPv4Multicast(nint socket, int option, void* value) => Errors.ENOPROTOOPT;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetIPv4MulticastOption")]
    private static int SetIPv4Multicast(nint socket, int option, void* value) => Errors.ENOPROTOOPT;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetIPv6MulticastOption")]
    private static int GetIPv6Multicast(nint socket, int option, void* value) => Errors.ENOPROTOOPT;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetIPv6MulticastOption")]
    private static int SetIPv6Multicast(nint socket, int option, void* value) => Errors.ENOPROTOOPT;

    private static int Doubled(int value, int floor)
    {
        long doubled = (long)value * 2;
        return doubled < floor ? floor : doubled > int.MaxValue ? int.MaxValue : (int)doubled;
    }

    private static int SetPositive(int value, System.Action<int> store)
    {
        if (value <= 0)
            return Errors.EINVAL;
        store(value);
        return 0;
    }
}
