using System;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;
using Uk.Sched;

namespace System.Net.Sockets;

// A TCP or UDP socket over netstack. Every operation takes Network.Lock, tries, and when it
// cannot proceed yet releases the lock and sleeps on the socket's event, which the stack's
// Changed callbacks set; timeouts (milliseconds, 0 = none) become wait deadlines.
public sealed partial class Socket : IDisposable
{
    private readonly Event _signal = new Event(autoReset: true);
    private readonly Action<TcpConnection> _onConnectionChanged;
    private readonly Action _onChanged;
    private TcpConnection? _connection;
    private TcpListenerEndpoint? _listener;
    private UdpEndpoint? _udp;
    private IPEndPoint? _bound;
    private bool _closed;
    private bool _sendShutdown;

    public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType)
    {
        if (addressFamily != AddressFamily.InterNetwork)
            throw new SocketException(SocketError.AddressFamilyNotSupported, "only IPv4 (AddressFamily.InterNetwork) is supported");
        bool tcp = socketType == SocketType.Stream && (protocolType == ProtocolType.Tcp || protocolType == ProtocolType.Unspecified);
        bool udp = socketType == SocketType.Dgram && (protocolType == ProtocolType.Udp || protocolType == ProtocolType.Unspecified);
        if (!tcp && !udp)
            throw new SocketException(SocketError.ProtocolNotSupported, "supported: Stream/Tcp and Dgram/Udp");
        AddressFamily = addressFamily;
        SocketType = socketType;
        ProtocolType = tcp ? ProtocolType.Tcp : ProtocolType.Udp;
        _onConnectionChanged = OnConnectionChanged;
        _onChanged = OnChanged;
    }


    public AddressFamily AddressFamily { get; }

    public SocketType SocketType { get; }

    public ProtocolType ProtocolType { get; }

    // Milliseconds; 0 or -1 waits forever, as in .NET.
    public int ReceiveTimeout { get; set; }

    public int SendTimeout { get; set; }

    // Enabled with LingerTime 0: Close resets the connection instead of closing it in order.
    public LingerOption? LingerState { get; set; }

    // False: operations that would wait throw SocketException(WouldBlock) instead.
    public bool Blocking { get; set; } = true;

    // Segments go out as soon as the window allows (there is no Nagle delay to turn off).
    public bool NoDelay { get; set; } = true;

    public bool IsBound => _bound is not null || _connection is not null;

    public bool Connected => _connection is not null && (_connection.State == TcpState.Established || _connection.State == TcpState.CloseWait);

    public EndPoint? LocalEndPoint =>
        _connection is not null ? new IPEndPoint(new IPAddress(_connection.LocalAddress), _connection.LocalPort) : _bound;

    public EndPoint? RemoteEndPoint =>
        _connection is not null ? new IPEndPoint(new IPAddress(_connection.RemoteAddress), _connection.RemotePort) : null;

    public int Available
    {
        get
        {
            Enter();
            int available = _connection?.Available ?? (_udp is not null && _udp.Pending > 0 ? _udp.NextLength : 0);
            Leave();
            return available;
        }
    }

    // Set by SocketPoller while this socket is registered with it.
    internal SocketPoller? Poller { get; set; }

    public void Bind(EndPoint localEndPoint)
    {
        ThrowIfClosed();
        if (localEndPoint is not IPEndPoint endPoint)
            throw new ArgumentException("an IPEndPoint is required", nameof(localEndPoint));
        if (IsBound)
            throw new SocketException(SocketError.InvalidArgument, "the socket is already bound");
        if (ProtocolType == ProtocolType.Udp)
        {
            NetStack stack = Enter();
            bool opened = stack.TryOpenUdp((ushort)endPoint.Port, out UdpEndpoint? udp);
            if (opened)
            {
                _udp = udp;
                udp!.Changed = _onChanged;
            }
            Leave();
            if (!opened)
                throw new SocketException(SocketError.AddressAlreadyInUse, "UDP port " + endPoint.Port.ToString() + " is in use (or the endpoint limit is reached)");
            _bound = new IPEndPoint(endPoint.Address, _udp!.LocalPort);
            return;
        }
        _bound = endPoint;
    }

    public void Listen(int backlog = 0)
    {
        ThrowIfClosed();
        if (ProtocolType != ProtocolType.Tcp)
            throw new SocketException(SocketError.ProtocolNotSupported, "Listen needs a TCP socket");
        if (_bound is null)
            throw new SocketException(SocketError.InvalidArgument, "Bind before Listen");
        Enter();
        TcpListenerEndpoint? listener = Tcp().TryListen(_bound.Address.Address, (ushort)_bound.Port, backlog);
        if (listener is null)
        {
            Leave();
            throw new SocketException(SocketError.AddressAlreadyInUse, "TCP port " + _bound.Port.ToString() + " is already listening");
        }
        _listener = listener;
        listener.Changed = _onChanged;
        Leave();
    }

    public Socket Accept()
    {
        ThrowIfClosed();
        if (_listener is null)
            throw new SocketException(SocketError.InvalidArgument, "Listen before Accept");
        long deadline = Deadline(ReceiveTimeout);
        // Made before a connection is taken off the queue: if there is no memory for it, the
        // OutOfMemoryException leaves the connection queued rather than orphaned.
        var accepted = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        while (true)
        {
            Enter();
            TcpConnection? connection = _listener.Accept();
            if (connection is not null)
            {
                accepted._connection = connection;
                connection.Changed = accepted._onConnectionChanged;
            }
            bool closed = _listener.IsClosed;
            Leave();
            if (connection is not null)
                return accepted;
            if (closed || _closed)
                throw new SocketException(SocketError.OperationAborted);
            Wait(deadline);
        }
    }

    public void Connect(IPAddress address, int port) => Connect(new IPEndPoint(address, port));

    public void Connect(string host, int port) => Connect(Dns.ResolveOne(host), port);

    public void Connect(EndPoint remoteEndPoint)
    {
        ThrowIfClosed();
        if (remoteEndPoint is not IPEndPoint endPoint)
            throw new ArgumentException("an IPEndPoint is required", nameof(remoteEndPoint));
        if (ProtocolType == ProtocolType.Udp)
        {
            EnsureUdp();
            _defaultRemote = endPoint;
            return;
        }
        if (_connection is not null)
            throw new SocketException(SocketError.IsConnected);
        Enter();
        TcpConnection? connection = Tcp().TryConnect(endPoint.Address.Address, (ushort)endPoint.Port, Clock.Monotonic);
        if (connection is null)
        {
            Leave();
            throw new SocketException(SocketError.TooManyOpenSockets);
        }
        _connection = connection;
        connection.Changed = _onConnectionChanged;
        Leave();
        long deadline = Deadline(SendTimeout);
        while (true)
        {
            Enter();
            TcpState state = _connection.State;
            TcpError error = _connection.Error;
            Leave();
            if (state == TcpState.Established || state == TcpState.CloseWait)
                return;
            if (state == TcpState.Closed)
                throw new SocketException(error == TcpError.Refused ? SocketError.ConnectionRefused
                    : error == TcpError.TimedOut ? SocketError.TimedOut : SocketError.ConnectionReset);
            if (!WaitUntil(deadline))
            {
                Enter();
                _connection.Abort(Clock.Monotonic);
                Leave();
                throw new SocketException(SocketError.TimedOut);
            }
        }
    }

    public int Send(byte[] buffer) => Send(new ReadOnlySpan<byte>(buffer));

    public int Send(byte[] buffer, int offset, int size, SocketFlags flags = SocketFlags.None) => Send(new ReadOnlySpan<byte>(buffer, offset, size));

    // Blocks until every byte is in the send buffer (what .NET's blocking Send does).
    public int Send(ReadOnlySpan<byte> data)
    {
        ThrowIfClosed();
        if (ProtocolType == ProtocolType.Udp)
            return SendTo(data, _defaultRemote ?? throw new SocketException(SocketError.NotConnected));
        TcpConnection connection = _connection ?? throw new SocketException(SocketError.NotConnected);
        if (_sendShutdown)
            throw new SocketException(SocketError.Shutdown);
        long deadline = Deadline(SendTimeout);
        int sent = 0;
        while (true)
        {
            Enter();
            sent += connection.Send(data.Slice(sent), Clock.Monotonic);
            TcpState state = connection.State;
            TcpError error = connection.Error;
            Leave();
            if (sent == data.Length)
                return sent;
            if (state == TcpState.Closed || error != TcpError.None)
                throw new SocketException(ErrorFor(error));
            if (!Blocking)
            {
                if (sent > 0)
                    return sent;
                throw new SocketException(SocketError.WouldBlock);
            }
            if (!WaitUntil(deadline))
            {
                if (sent > 0)
                    return sent;
                throw new SocketException(SocketError.TimedOut);
            }
            if (_closed)
                throw new SocketException(SocketError.OperationAborted);
        }
    }

    public int Receive(byte[] buffer) => Receive(new Span<byte>(buffer));

    public int Receive(byte[] buffer, int offset, int size, SocketFlags flags = SocketFlags.None) => Receive(new Span<byte>(buffer, offset, size));

    // Blocks until some bytes arrived; 0 means the peer closed its side.
    public int Receive(Span<byte> buffer)
    {
        ThrowIfClosed();
        if (ProtocolType == ProtocolType.Udp)
            return ReceiveDatagram(buffer, out _);
        TcpConnection connection = _connection ?? throw new SocketException(SocketError.NotConnected);
        if (buffer.Length == 0)
            return 0;
        long deadline = Deadline(ReceiveTimeout);
        while (true)
        {
            Enter();
            int read = connection.Receive(buffer, Clock.Monotonic);
            bool ended = connection.RemoteClosed;
            TcpError error = connection.Error;
            Leave();
            if (read > 0)
                return read;
            if (ended)
                return 0;
            if (error != TcpError.None)
                throw new SocketException(ErrorFor(error));
            if (!Blocking)
                throw new SocketException(SocketError.WouldBlock);
            if (!WaitUntil(deadline))
                throw new SocketException(SocketError.TimedOut);
            // Closed by another thread while this one waited (Close wakes it).
            if (_closed)
                throw new SocketException(SocketError.OperationAborted);
        }
    }

    public void Shutdown(SocketShutdown how)
    {
        if (_connection is null || how == SocketShutdown.Receive)
            return;
        _sendShutdown = true;
        Enter();
        _connection.Close(Clock.Monotonic);
        Leave();
    }

    // True when the socket is ready for mode now or within microSeconds (-1: forever).
    public bool Poll(int microSeconds, SelectMode mode)
    {
        long deadline = microSeconds < 0 ? long.MaxValue : Clock.Monotonic + (long)microSeconds * 1000;
        while (true)
        {
            Enter();
            bool ready = IsReady(mode);
            Leave();
            if (ready)
                return true;
            if (!WaitUntil(deadline))
                return false;
        }
    }

    public void Close()
    {
        if (_closed)
            return;
        _closed = true;
        Poller?.Remove(this);
        if (Network.Stack is null)
            return;
        Enter();
        long now = Clock.Monotonic;
        if (_connection is not null)
        {
            // Unread data at close means the application gave up on the exchange: reset, as
            // BSD stacks do, so the peer learns of it.
            if (_connection.Available > 0 || LingerState is { Enabled: true, LingerTime: 0 })
                _connection.Abort(now);
            else
                _connection.Close(now);
            _connection.Changed = null;
        }
        _listener?.Close();
        _udp?.Close();
        Leave();
        _signal.Set();
    }

    public void Dispose() => Close();

    // Readiness, with the lock held: readable covers data, end of stream, a pending accept,
    // a datagram and errors (so a reader wakes to see them).
    internal bool IsReady(SelectMode mode)
    {
        if (_closed)
            return true;
        if (_listener is not null)
            return mode == SelectMode.SelectRead ? _listener.Pending > 0 : mode == SelectMode.SelectError && _listener.IsClosed;
        if (_udp is not null)
            return mode == SelectMode.SelectRead ? _udp.Pending > 0 : mode == SelectMode.SelectWrite;
        if (_connection is null)
            return false;
        bool failed = _connection.IsReset;
        return mode switch
        {
            SelectMode.SelectRead => _connection.Available > 0 || _connection.RemoteClosed || failed,
            SelectMode.SelectWrite => _connection.SendSpace > 0 || failed,
            _ => failed,
        };
    }

    private void OnConnectionChanged(TcpConnection connection) => OnChanged();

    private void OnChanged()
    {
        _signal.Set();
        Poller?.Signal();
    }

    private static NetStack Enter()
    {
        NetStack stack = Network.Stack ?? throw new SocketException(SocketError.NetworkDown);
        Network.Lock.Lock();
        return stack;
    }

    private static void Leave() => Network.Lock.Unlock();

    private static TcpLayer Tcp()
    {
        TcpLayer? tcp = Network.Tcp;
        if (tcp is null)
        {
            Leave();
            throw new SocketException(SocketError.NetworkDown);
        }
        return tcp;
    }

    private static long Deadline(int timeoutMs) =>
        timeoutMs <= 0 ? long.MaxValue : Clock.Monotonic + (long)timeoutMs * Clock.NanosecondsPerMillisecond;

    private void Wait(long deadline)
    {
        if (!WaitUntil(deadline))
            throw new SocketException(SocketError.TimedOut);
    }

    private bool WaitUntil(long deadline)
    {
        if (deadline != long.MaxValue && Clock.Monotonic >= deadline)
            return false;
        // Woken or timed out: the caller's loop looks again and finds out which.
        _signal.Wait(deadline);
        return true;
    }

    private void ThrowIfClosed()
    {
        if (_closed)
            throw new ObjectDisposedException("Socket");
    }

    private static SocketError ErrorFor(TcpError error) => error switch
    {
        TcpError.Refused => SocketError.ConnectionRefused,
        TcpError.TimedOut => SocketError.TimedOut,
        TcpError.Aborted => SocketError.ConnectionAborted,
        _ => SocketError.ConnectionReset,
    };
}
