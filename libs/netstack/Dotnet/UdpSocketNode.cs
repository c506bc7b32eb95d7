using System;
using Internal.Runtime;
using Uk.Dotnet.SystemNative;

namespace Uk.Net.Dotnet;

// A UDP socket for .NET: an endpoint on a port, bound on Bind or on the first send (an
// ephemeral port, as on Linux), with an optional default peer set by Connect whose
// datagrams alone are then received.
internal sealed class UdpSocketNode : ISocketNode
{
    private readonly Action _onChanged;
    private Action? _changed;
    private UdpEndpoint? _endpoint;
    private uint _boundAddress;
    private bool _connected;
    private uint _peerAddress;
    private int _peerPort;
    private bool _receiveShutdown;
    private bool _sendShutdown;

    internal UdpSocketNode() => _onChanged = () => _changed?.Invoke();

    public Action? Changed { set => _changed = value; }

    public bool IsStream => false;

    public bool IsListening => false;

    public SocketReadiness Readiness
    {
        get
        {
            if (!Enter())
                return SocketReadiness.Error;
            bool pending = _endpoint is { Pending: > 0 };
            Leave();
            return SocketReadiness.Writable | (pending || _receiveShutdown ? SocketReadiness.Readable : SocketReadiness.None);
        }
    }

    public int Available
    {
        get
        {
            if (!Enter())
                return 0;
            int available = _endpoint is { Pending: > 0 } endpoint ? endpoint.NextLength : 0;
            Leave();
            return available;
        }
    }

    public int Bind(uint address, int port)
    {
        if (_endpoint is not null)
            return Errors.EINVAL;
        _boundAddress = address;
        return Open(port);
    }

    public int Listen(int backlog) => Errors.EOPNOTSUPP;

    public int Accept(out ISocketNode? connection)
    {
        connection = null;
        return Errors.EOPNOTSUPP;
    }

    public int Connect(uint address, int port)
    {
        int error = _endpoint is null ? Open(0) : 0;
        if (error != 0)
            return error;
        _connected = true;
        _peerAddress = address;
        _peerPort = port;
        _changed?.Invoke();
        return 0;
    }

    public int TakeError() => 0;

    public int Receive(Span<byte> buffer, bool peek, out int count, out uint fromAddress, out int fromPort, out bool truncated)
    {
        count = 0;
        fromAddress = 0;
        fromPort = 0;
        truncated = false;
        if (peek)
            return Errors.EOPNOTSUPP;
        if (_receiveShutdown)
            return 0;
        if (_endpoint is null)
            return Errors.EAGAIN;
        if (!Enter())
            return Errors.ENETDOWN;
        while (true)
        {
            if (!_endpoint.TryReceive(buffer, out int length, out IPv4Address from, out ushort port))
            {
                Leave();
                return Errors.EAGAIN;
            }
            // A connected socket hears only its peer, as on Linux.
            if (_connected && (from.Value != _peerAddress || port != _peerPort))
                continue;
            Leave();
            count = Math.Min(length, buffer.Length);
            truncated = length > buffer.Length;
            fromAddress = from.Value;
            fromPort = port;
            return 0;
        }
    }

    public int Send(ReadOnlySpan<byte> data, bool toDestination, uint address, int port, out int sent)
    {
        sent = 0;
        if (_sendShutdown)
            return Errors.EPIPE;
        if (!toDestination)
        {
            if (!_connected)
                return Errors.EDESTADDRREQ;
            address = _peerAddress;
            port = _peerPort;
        }
        if (data.Length > UdpLayer.MaxDataLength)
            return Errors.EMSGSIZE;
        int error = _endpoint is null ? Open(0) : 0;
        if (error != 0)
            return error;
        if (!Enter())
            return Errors.ENETDOWN;
        bool done = _endpoint!.Send(new IPv4Address(address), (ushort)port, data);
        Leave();
        if (!done)
            return Errors.EHOSTUNREACH;
        sent = data.Length;
        return 0;
    }

    public int Shutdown(bool receive, bool send)
    {
        if (!_connected)
            return Errors.ENOTCONN;
        _receiveShutdown |= receive;
        _sendShutdown |= send;
        _changed?.Invoke();
        return 0;
    }

    public int Disconnect()
    {
        _connected = false;
        _changed?.Invoke();
        return 0;
    }

    public void Close(bool abort)
    {
        if (_endpoint is not null && Enter())
        {
            _endpoint.Changed = null;
            _endpoint.Close();
            Leave();
        }
        _changed = null;
    }

    public bool GetLocal(out uint address, out int port)
    {
        address = _boundAddress;
        port = _endpoint?.LocalPort ?? 0;
        return true;
    }

    public bool GetRemote(out uint address, out int port)
    {
        address = _peerAddress;
        port = _peerPort;
        return _connected;
    }

    private int Open(int port)
    {
        NetStack? stack = Network.Stack;
        if (stack is null)
            return Errors.ENETDOWN;
        Network.Lock.Lock();
        bool opened = stack.TryOpenUdp((ushort)port, out UdpEndpoint? endpoint);
        if (opened)
        {
            _endpoint = endpoint;
            endpoint!.Changed = _onChanged;
        }
        Network.Lock.Unlock();
        return opened ? 0 : Errors.EADDRINUSE;
    }

    private static bool Enter()
    {
        if (Network.Stack is null)
            return false;
        Network.Lock.Lock();
        return true;
    }

    private static void Leave() => Network.Lock.Unlock();
}
