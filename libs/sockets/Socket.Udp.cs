using System;
using Uk.Core;
using Uk.Net;

namespace System.Net.Sockets;

// The datagram half of Socket.
public sealed partial class Socket
{
    private IPEndPoint? _defaultRemote;

    public int SendTo(byte[] buffer, EndPoint remoteEP) => SendTo(new ReadOnlySpan<byte>(buffer), remoteEP);

    public int SendTo(byte[] buffer, int offset, int size, SocketFlags flags, EndPoint remoteEP) =>
        SendTo(new ReadOnlySpan<byte>(buffer, offset, size), remoteEP);

    public int SendTo(ReadOnlySpan<byte> data, EndPoint remoteEP)
    {
        ThrowIfClosed();
        if (ProtocolType != ProtocolType.Udp)
            throw new SocketException(SocketError.ProtocolNotSupported, "SendTo needs a UDP socket");
        if (remoteEP is not IPEndPoint endPoint)
            throw new ArgumentException("an IPEndPoint is required", nameof(remoteEP));
        // Longer than IPv4 can carry: refused as .NET refuses it (MessageSize); anything up to
        // that goes, in fragments past one frame.
        if (data.Length > UdpLayer.MaxDataLength)
            throw new SocketException(SocketError.MessageSize, "a datagram of " + data.Length.ToString() + " bytes is longer than UDP over IPv4 carries ("
                + UdpLayer.MaxDataLength.ToString() + ")");
        UdpEndpoint udp = EnsureUdp();
        Enter();
        bool sent = udp.Send(endPoint.Address.Address, (ushort)endPoint.Port, data);
        Leave();
        if (!sent)
            throw new SocketException(SocketError.HostUnreachable, "could not send to " + endPoint.ToString() + " (no route, or the ARP queue is full)");
        return data.Length;
    }

    public int ReceiveFrom(byte[] buffer, ref EndPoint remoteEP)
    {
        int length = ReceiveDatagram(buffer, out IPEndPoint from);
        remoteEP = from;
        return length;
    }

    private int ReceiveDatagram(Span<byte> buffer, out IPEndPoint from)
    {
        ThrowIfClosed();
        UdpEndpoint udp = _udp ?? throw new SocketException(SocketError.InvalidArgument, "Bind (or SendTo) before receiving");
        long deadline = Deadline(ReceiveTimeout);
        while (true)
        {
            Enter();
            bool got = udp.TryReceive(buffer, out int length, out IPv4Address address, out ushort port);
            Leave();
            if (got)
            {
                from = new IPEndPoint(new IPAddress(address), port);
                return Math.Min(length, buffer.Length);
            }
            if (_closed)
                throw new SocketException(SocketError.OperationAborted);
            if (!Blocking)
                throw new SocketException(SocketError.WouldBlock);
            if (!WaitUntil(deadline))
                throw new SocketException(SocketError.TimedOut);
        }
    }

    // A UDP socket that sends before binding gets an ephemeral port, as in .NET.
    private UdpEndpoint EnsureUdp()
    {
        if (_udp is not null)
            return _udp;
        Bind(new IPEndPoint(IPAddress.Any, 0));
        return _udp!;
    }
}
