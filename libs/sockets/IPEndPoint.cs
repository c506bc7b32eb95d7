using System;

namespace System.Net;

public abstract class EndPoint
{
}

public sealed class IPEndPoint : EndPoint
{
    public const int MinPort = 0;
    public const int MaxPort = 65535;

    public IPEndPoint(IPAddress address, int port)
    {
        if (port < MinPort || port > MaxPort)
            throw new ArgumentOutOfRangeException(nameof(port));
        Address = address;
        Port = port;
    }

    public IPEndPoint(long address, int port) : this(new IPAddress(new Uk.Net.IPv4Address((uint)address)), port)
    {
    }

    public IPAddress Address { get; set; }

    public int Port { get; set; }

    public override bool Equals(object? obj) => obj is IPEndPoint other && other.Address.Equals(Address) && other.Port == Port;

    public override int GetHashCode() => Address.GetHashCode() ^ Port;

    public override string ToString() => Address.ToString() + ":" + Port.ToString();
}
