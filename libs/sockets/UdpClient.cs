using System;

namespace System.Net.Sockets;

public sealed class UdpClient : IDisposable
{
    private readonly byte[] _receiveBuffer = new byte[65536];

    public UdpClient() => Client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpClient(int port) : this() => Client.Bind(new IPEndPoint(IPAddress.Any, port));

    public UdpClient(IPEndPoint localEP) : this() => Client.Bind(localEP);

    public Socket Client { get; }

    public int Available => Client.Available;

    public void Connect(IPAddress address, int port) => Client.Connect(new IPEndPoint(address, port));

    public void Connect(string hostname, int port) => Client.Connect(hostname, port);

    public int Send(byte[] dgram, int bytes, IPEndPoint? endPoint) =>
        endPoint is null ? Client.Send(new ReadOnlySpan<byte>(dgram, 0, bytes)) : Client.SendTo(new ReadOnlySpan<byte>(dgram, 0, bytes), endPoint);

    public int Send(byte[] dgram, int bytes, string hostname, int port) =>
        Client.SendTo(new ReadOnlySpan<byte>(dgram, 0, bytes), new IPEndPoint(Dns.ResolveOne(hostname), port));

    public int Send(byte[] dgram, int bytes) => Client.Send(new ReadOnlySpan<byte>(dgram, 0, bytes));

    public int Send(ReadOnlySpan<byte> datagram, IPEndPoint endPoint) => Client.SendTo(datagram, endPoint);

    // The next datagram (a new array, as in .NET) and who sent it.
    public byte[] Receive(ref IPEndPoint? remoteEP)
    {
        EndPoint from = remoteEP ?? new IPEndPoint(IPAddress.Any, 0);
        int length = Client.ReceiveFrom(_receiveBuffer, ref from);
        remoteEP = (IPEndPoint)from;
        byte[] datagram = new byte[length];
        new ReadOnlySpan<byte>(_receiveBuffer, 0, length).CopyTo(datagram);
        return datagram;
    }

    public void Close() => Client.Close();

    public void Dispose() => Close();
}
