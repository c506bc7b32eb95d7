using System.Collections.Generic;

namespace Uk.Net.Tcp;

// A listening port: handshakes in progress and established connections waiting for Accept
// together stay within the backlog; SYNs beyond it get a SYN cookie (or are dropped and
// counted when TcpOptions.SynCookies is off).
public sealed class TcpListenerEndpoint
{
    private readonly TcpLayer _layer;
    private readonly List<TcpConnection> _ready = new List<TcpConnection>();

    internal TcpListenerEndpoint(TcpLayer layer, IPv4Address local, ushort port, int backlog)
    {
        _layer = layer;
        LocalAddress = local;
        LocalPort = port;
        Backlog = backlog;
    }

    public IPv4Address LocalAddress { get; }

    public ushort LocalPort { get; }

    public int Backlog { get; }

    public bool IsClosed { get; private set; }

    // Connections ready for Accept.
    public int Pending => _ready.Count;

    // Handshakes under way.
    internal int HalfOpen { get; set; }

    internal bool IsFull => HalfOpen + _ready.Count >= Backlog;

    // No room even for a connection whose handshake a cookie completed.
    internal bool AcceptQueueFull => _ready.Count >= Backlog;

    // When this listener last answered a SYN with a cookie: an ACK for no connection is
    // checked as a cookie only within a cookie's lifetime of that (as Linux does), so stray
    // ACKs at other times are not counted as rejected cookies.
    internal long LastCookieAt { get; set; } = long.MinValue;

    internal bool SentCookiesRecently(long now) => LastCookieAt != long.MinValue && now - LastCookieAt <= SynCookies.Lifetime;

    // Called when a connection becomes ready to accept (with the stack's lock held).
    public System.Action? Changed { get; set; }

    public TcpConnection? Accept()
    {
        if (_ready.Count == 0)
            return null;
        TcpConnection connection = _ready[0];
        _ready.RemoveAt(0);
        return connection;
    }

    public void Close()
    {
        if (IsClosed)
            return;
        IsClosed = true;
        // Connections nobody accepted are reset, as the application never saw them.
        for (int i = 0; i < _ready.Count; i++)
            _ready[i].Abort(_layer.LastNow);
        _ready.Clear();
        _layer.RemoveListener(this);
        Changed?.Invoke();
    }

    internal void OnEstablished(TcpConnection connection)
    {
        HalfOpen--;
        Enqueue(connection);
    }

    // A connection a SYN cookie's ACK created: never counted as half-open.
    internal void OnCookieEstablished(TcpConnection connection) => Enqueue(connection);

    private void Enqueue(TcpConnection connection)
    {
        if (IsClosed)
        {
            connection.Abort(_layer.LastNow);
            return;
        }
        _ready.Add(connection);
        Changed?.Invoke();
    }

    internal void OnHandshakeFailed() => HalfOpen--;
}
