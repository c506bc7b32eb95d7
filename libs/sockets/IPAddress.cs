using System;
using Uk.Net;

namespace System.Net;

// An IPv4 address (IPv6 is a later step of the stack), with .NET's names.
public sealed class IPAddress : IEquatable<IPAddress>
{
    public static readonly IPAddress Any = new IPAddress(IPv4Address.Any);
    public static readonly IPAddress Loopback = new IPAddress(IPv4Address.Loopback);
    public static readonly IPAddress Broadcast = new IPAddress(IPv4Address.Broadcast);

    public IPAddress(IPv4Address address) => Address = address;

    public IPAddress(byte[] octets) => Address = new IPv4Address(octets[0], octets[1], octets[2], octets[3]);

    public IPv4Address Address { get; }

    public Sockets.AddressFamily AddressFamily => Sockets.AddressFamily.InterNetwork;

    public static IPAddress Parse(string text) =>
        TryParse(text, out IPAddress? address) ? address! : throw new FormatException("'" + text + "' is not an IPv4 address");

    public static bool TryParse(string? text, out IPAddress? address)
    {
        address = null;
        if (text is null || !IPv4Address.TryParse(text, out IPv4Address parsed))
            return false;
        address = new IPAddress(parsed);
        return true;
    }

    public byte[] GetAddressBytes()
    {
        byte[] octets = new byte[4];
        Address.Write(octets);
        return octets;
    }

    public bool Equals(IPAddress? other) => other is not null && other.Address == Address;

    public override bool Equals(object? obj) => obj is IPAddress other && Equals(other);

    public override int GetHashCode() => Address.GetHashCode();

    public override string ToString() => Address.ToString();
}
