using System.Collections.Generic;

namespace Uk.Net.Tcp;

// A listening port: handshakes in progress and established connections waiting for Accept
// together stay within the backlog; SYNs beyond it are dropped and counted.
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
