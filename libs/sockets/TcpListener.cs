using System;

namespace System.Net.Sockets;

public sealed class TcpListener
{
    private readonly IPEndPoint _endPoint;
    private Socket? _server;

    public TcpListener(IPAddress localaddr, int port) => _endPoint = new IPEndPoint(localaddr, port);

    public TcpListener(IPEndPoint localEP) => _endPoint = localEP;

    public EndPoint LocalEndpoint => _endPoint;

    public Socket Server => _server ?? throw new InvalidOperationException("Start the listener first");

    public void Start() => Start(0);

    // backlog 0 takes the stack's default (netstack's listen backlog option).
    public void Start(int backlog)
    {
        if (_server is not null)
            return;
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(_endPoint);
        server.Listen(backlog);
        _server = server;
    }

    public bool Pending() => Server.Poll(0, SelectMode.SelectRead);

    public Socket AcceptSocket() => Server.Accept();

    public TcpClient AcceptTcpClient() => new TcpClient(Server.Accept());

    public void Stop()
    {
        _server?.Close();
        _server = null;
    }
}
