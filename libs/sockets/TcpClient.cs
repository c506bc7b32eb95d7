using System;

namespace System.Net.Sockets;

public sealed class TcpClient : IDisposable
{
    private NetworkStream? _stream;

    public TcpClient() => Client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public TcpClient(string hostname, int port) : this() => Connect(hostname, port);

    internal TcpClient(Socket accepted) => Client = accepted;

    public Socket Client { get; }

    public bool Connected => Client.Connected;

    public int Available => Client.Available;

    public bool NoDelay
    {
        get => Client.NoDelay;
        set => Client.NoDelay = value;
    }

    public int ReceiveTimeout
    {
        get => Client.ReceiveTimeout;
        set => Client.ReceiveTimeout = value;
    }

    public int SendTimeout
    {
        get => Client.SendTimeout;
        set => Client.SendTimeout = value;
    }

    public void Connect(string hostname, int port) => Client.Connect(hostname, port);

    public void Connect(IPAddress address, int port) => Client.Connect(address, port);

    public void Connect(IPEndPoint remoteEP) => Client.Connect(remoteEP);

    public NetworkStream GetStream()
    {
        if (!Client.Connected && Client.Available == 0)
            throw new InvalidOperationException("The TcpClient is not connected");
        return _stream ??= new NetworkStream(Client, ownsSocket: true);
    }

    public void Close() => Client.Close();

    public void Dispose() => Close();
}
