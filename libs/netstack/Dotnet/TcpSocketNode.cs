using System;
using Internal.Runtime;
using Uk.Core;
using Uk.Dotnet.SystemNative;
using Uk.Net.Tcp;

namespace Uk.Net.Dotnet;

// A TCP socket for .NET: fresh, bound, listening, or over one connection (connecting,
// accepted or connected). Errors are Linux's for the same call in the same state.
internal sealed class TcpSocketNode : ISocketNode
{
    private const int FirstEphemeralPort = 49152;
    private const int PortAttempts = 64;

    private readonly Action<TcpConnection> _onConnectionChanged;
    private readonly Action _onListenerChanged;
    private Action? _changed;
    private TcpConnection? _connection;
    private TcpListenerEndpoint? _listener;
    private uint _boundAddress;
    private int _boundPort;
    private bool _sendShutdown;
    private bool _receiveShutdown;
    private bool _errorTaken;
    private bool _disconnected;

    internal TcpSocketNode()
    {
        _onConnectionChanged = _ => _changed?.Invoke();
        _onListenerChanged = () => _changed?.Invoke();
    }

    private TcpSocketNode(TcpConnection connection)
        : this()
    {
        _connection = connection;
        connection.Changed = _onConnectionChanged;
    }

    public Action? Changed { set => _changed = value; }

    public bool IsStream => true;

    public bool IsListening => _listener is not null;

    public SocketReadiness Readiness
    {
        get
        {
            if (!Enter())
                return SocketReadiness.Error | SocketReadiness.Closed;
            SocketReadiness readiness = ReadinessLocked();
            Leave();
            return readiness;
        }
    }

    public int Available
    {
        get
        {
            if (!Enter())
                return 0;
            int available = _connection?.Available ?? 0;
            Leave();
            return available;
        }
    }

    public int Bind(uint address, int port)
    {
        if (_connection is not null || _listener is not null || _boundPort != 0)
            return Errors.EINVAL;
        _boundAddress = address;
        _boundPort = port;
        return 0;
    }

    public int Listen(int backlog)
    {
        if (_connection is not null)
            return Errors.EINVAL;
        if (_listener is not null)
            return 0;
        if (!Enter())
            return Errors.ENETDOWN;
        TcpLayer? tcp = Network.Tcp;
        TcpListenerEndpoint? listener = null;
        if (tcp is not null)
        {
            var address = new IPv4Address(_boundAddress);
            if (_boundPort != 0)
                listener = tcp.TryListen(address, (ushort)_boundPort, backlog);
            else
            {
                // An unbound listener gets a free port from the dynamic range, as Linux's does.
                for (int i = 0; i < PortAttempts && listener is null; i++)
                    listener = tcp.TryListen(address, (ushort)Random.Shared.Next(FirstEphemeralPort, 65536), backlog);
            }
        }
        if (listener is not null)
        {
            _listener = listener;
            _boundPort = listener.LocalPort;
            listener.Changed = _onListenerChanged;
        }
        Leave();
        return tcp is null ? Errors.ENETDOWN : listener is null ? Errors.EADDRINUSE : 0;
    }

    public int Accept(out ISocketNode? connection)
    {
        connection = null;
        if (_listener is null)
            return Errors.EINVAL;
        if (!Enter())
            return Errors.ENETDOWN;
        TcpConnection? accepted = _listener.IsClosed ? null : _listener.Accept();
        bool closed = _listener.IsClosed;
        if (accepted is not null)
            connection = new TcpSocketNode(accepted);
        Leave();
        if (accepted is not null)
            return 0;
        return closed ? Errors.EINVAL : Errors.EAGAIN;
    }

    public int Connect(uint address, int port)
    {
        if (_listener is not null)
            return Errors.EISCONN;
        if (_connection is not null)
            return _connection.State == TcpState.SynSent ? Errors.EALREADY : Errors.EISCONN;
        if (!Enter())
            return Errors.ENETDOWN;
        TcpLayer? tcp = Network.Tcp;
        TcpConnection? connection = tcp?.TryConnect(new IPv4Address(address), (ushort)port, Clock.Monotonic);
        if (connection is not null)
        {
            _connection = connection;
            _errorTaken = false;
            connection.Changed = _onConnectionChanged;
        }
        bool established = connection is not null && connection.State == TcpState.Established;
        Leave();
        if (tcp is null)
            return Errors.ENETDOWN;
        if (connection is null)
            return Errors.ENOBUFS;
        return established ? 0 : Errors.EINPROGRESS;
    }

    public int TakeError()
    {
        if (_connection is null || _errorTaken || !Enter())
            return 0;
        TcpError error = _connection.Error;
        Leave();
        if (error == TcpError.None)
            return 0;
        _errorTaken = true;
        return ErrorFor(error);
    }

    public int Receive(Span<byte> buffer, bool peek, out int count, out uint fromAddress, out int fromPort, out bool truncated)
    {
        count = 0;
        truncated = false;
        fromAddress = 0;
        fromPort = 0;
        TcpConnection? connection = _connection;
        if (connection is null)
            return Errors.ENOTCONN;
        if (_receiveShutdown || buffer.IsEmpty)
            return 0;
        if (!Enter())
            return Errors.ENETDOWN;
        int read = peek ? connection.Peek(buffer) : connection.Receive(buffer, Clock.Monotonic);
        bool ended = connection.RemoteClosed;
        TcpError error = connection.Error;
        TcpState state = connection.State;
        fromAddress = connection.RemoteAddress.Value;
        fromPort = connection.RemotePort;
        Leave();
        count = read;
        if (read > 0 || ended)
            return 0;
        if (error != TcpError.None)
            return ErrorFor(error);
        if (state == TcpState.Closed)
            return _disconnected ? Errors.ECONNRESET : 0;
        return Errors.EAGAIN;
    }

    public int Send(ReadOnlySpan<byte> data, bool toDestination, uint address, int port, out int sent)
    {
        sent = 0;
        TcpConnection? connection = _connection;
        // Linux answers a send on a stream that never connected, or was shut, with EPIPE.
        if (connection is null || _sendShutdown)
            return Errors.EPIPE;
        if (!Enter())
            return Errors.ENETDOWN;
        TcpState state = connection.State;
        TcpError error = connection.Error;
        int written = 0;
        if (error == TcpError.None && state != TcpState.SynSent && state != TcpState.SynReceived)
            written = connection.Send(data, Clock.Monotonic);
        Leave();
        sent = written;
        if (error != TcpError.None)
            return ErrorFor(error);
        if (state == TcpState.Closed)
            return Errors.EPIPE;
        return written == 0 && !data.IsEmpty ? Errors.EAGAIN : 0;
    }

    public int Shutdown(bool receive, bool send)
    {
        if (_connection is null)
            return _listener is not null ? 0 : Errors.ENOTCONN;
        if (receive)
            _receiveShutdown = true;
        if (send && !_sendShutdown && Enter())
        {
            _sendShutdown = true;
            _connection.Close(Clock.Monotonic);
            Leave();
        }
        _changed?.Invoke();
        return 0;
    }

    public int Disconnect()
    {
        if (!Enter())
            return Errors.ENETDOWN;
        _disconnected = true;
        if (_connection is not null && _connection.State != TcpState.Closed)
            _connection.Abort(Clock.Monotonic);
        _listener?.Close();
        Leave();
        _changed?.Invoke();
        return 0;
    }

    public void Close(bool abort)
    {
        if (!Enter())
            return;
        if (_connection is not null)
        {
            // Unread data at close means the application gave up on the exchange: reset, as
            // Linux does, so the peer learns of it.
            if (abort || _connection.Available > 0)
                _connection.Abort(Clock.Monotonic);
            else
                _connection.Close(Clock.Monotonic);
            _connection.Changed = null;
        }
        if (_listener is not null)
        {
            _listener.Changed = null;
            _listener.Close();
        }
        Leave();
        _changed = null;
    }

    public bool GetLocal(out uint address, out int port)
    {
        if (_connection is not null)
        {
            address = _connection.LocalAddress.Value;
            port = _connection.LocalPort;
        }
        else
        {
            address = _boundAddress;
            port = _boundPort;
        }
        return true;
    }

    public bool GetRemote(out uint address, out int port)
    {
        address = 0;
        port = 0;
        TcpConnection? connection = _connection;
        if (connection is null || connection.State is TcpState.SynSent or TcpState.Closed)
            return false;
        address = connection.RemoteAddress.Value;
        port = connection.RemotePort;
        return true;
    }

    private SocketReadiness ReadinessLocked()
    {
        if (_listener is not null)
        {
            if (_listener.IsClosed)
                return SocketReadiness.Readable | SocketReadiness.Closed;
            return _listener.Pending > 0 ? SocketReadiness.Readable : SocketReadiness.None;
        }
        TcpConnection? connection = _connection;
        if (connection is null)
            return SocketReadiness.Writable | SocketReadiness.Closed;
        if (connection.State == TcpState.SynSent || connection.State == TcpState.SynReceived)
            return SocketReadiness.None;
        SocketReadiness readiness = SocketReadiness.None;
        bool failed = connection.Error != TcpError.None;
        bool closed = connection.State == TcpState.Closed;
        if (connection.Available > 0 || connection.RemoteClosed || failed || closed || _receiveShutdown)
            readiness |= SocketReadiness.Readable;
        if (connection.RemoteClosed)
            readiness |= SocketReadiness.ReadClosed;
        if (connection.SendSpace > 0 || _sendShutdown || failed || closed)
            readiness |= SocketReadiness.Writable;
        if (failed && !_errorTaken)
            readiness |= SocketReadiness.Error;
        if (closed || (connection.RemoteClosed && _sendShutdown))
            readiness |= SocketReadiness.Closed;
        return readiness;
    }

    private static int ErrorFor(TcpError error) => error switch
    {
        TcpError.Refused => Errors.ECONNREFUSED,
        TcpError.TimedOut => Errors.ETIMEDOUT,
        TcpError.Aborted => Errors.ECONNABORTED,
        _ => Errors.ECONNRESET,
    };

    // False without a stack (no network device): the caller answers ENETDOWN.
    private static bool Enter()
    {
        if (Network.Stack is null)
            return false;
        Network.Lock.Lock();
        return true;
    }

    private static void Leave() => Network.Lock.Unlock();
}
