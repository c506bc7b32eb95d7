using System;

namespace System.Net.Sockets;

// A connected TCP socket as a stream of bytes (the corlib has no Stream base class, so this
// stands alone with Stream's members).
public sealed class NetworkStream : IDisposable
{
    private readonly bool _ownsSocket;

    public NetworkStream(Socket socket, bool ownsSocket = false)
    {
        Socket = socket;
        _ownsSocket = ownsSocket;
    }

    public Socket Socket { get; }

    public bool DataAvailable => Socket.Available > 0;

    public bool CanRead => true;

    public bool CanWrite => true;

    public int ReadTimeout
    {
        get => Socket.ReceiveTimeout;
        set => Socket.ReceiveTimeout = value;
    }

    public int WriteTimeout
    {
        get => Socket.SendTimeout;
        set => Socket.SendTimeout = value;
    }

    // Some bytes, or 0 at the end of the stream.
    public int Read(Span<byte> buffer) => Socket.Receive(buffer);

    public int Read(byte[] buffer, int offset, int count) => Socket.Receive(new Span<byte>(buffer, offset, count));

    public int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Socket.Receive(one) == 1 ? one[0] : -1;
    }

    public void Write(ReadOnlySpan<byte> buffer) => Socket.Send(buffer);

    public void Write(byte[] buffer, int offset, int count) => Socket.Send(new ReadOnlySpan<byte>(buffer, offset, count));

    // Bytes go out as soon as Send returns; nothing is held back.
    public void Flush()
    {
    }

    public void Close()
    {
        if (_ownsSocket)
            Socket.Close();
    }

    public void Dispose() => Close();
}
