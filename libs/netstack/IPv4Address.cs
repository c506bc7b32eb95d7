using System;

namespace Uk.Net;

// An IPv4 address as the number its four octets spell, first octet most significant, so
// masks and comparisons are plain integer operations.
public readonly struct IPv4Address : IEquatable<IPv4Address>
{
    private readonly uint _value;

    public IPv4Address(uint value) => _value = value;

    public IPv4Address(byte a, byte b, byte c, byte d) => _value = (uint)a << 24 | (uint)b << 16 | (uint)c << 8 | d;

    public static IPv4Address Any => default;

    public static IPv4Address Broadcast => new IPv4Address(0xFFFF_FFFFU);

    public static IPv4Address Loopback => new IPv4Address(127, 0, 0, 1);

    public uint Value => _value;

    public bool IsAny => _value == 0;

    public bool IsBroadcast => _value == 0xFFFF_FFFFU;

    public bool IsMulticast => (_value >> 28) == 0xE;

    public static IPv4Address Read(ReadOnlySpan<byte> source) => new IPv4Address(NetworkOrder.ReadUInt32(source));

    public void Write(Span<byte> destination) => NetworkOrder.WriteUInt32(destination, _value);

    public bool IsInSubnet(IPv4Address network, IPv4Address mask) => (_value & mask._value) == (network._value & mask._value);

    // Dotted quad; false (and Any) for anything else, including octets over 255 or extra dots.
    public static bool TryParse(ReadOnlySpan<char> text, out IPv4Address address)
    {
        address = default;
        uint value = 0;
        int octets = 0;
        int i = 0;
        while (octets < 4)
        {
            int start = i;
            uint octet = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            {
                octet = octet * 10 + (uint)(text[i] - '0');
                i++;
            }
            if (i == start || octet > 255)
                return false;
            value = value << 8 | octet;
            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.')
                    return false;
                i++;
            }
        }
        if (i != text.Length)
            return false;
        address = new IPv4Address(value);
        return true;
    }

    public bool Equals(IPv4Address other) => _value == other._value;

    public override bool Equals(object? obj) => obj is IPv4Address other && Equals(other);

    public override int GetHashCode() => (int)_value;

    public static bool operator ==(IPv4Address left, IPv4Address right) => left._value == right._value;

    public static bool operator !=(IPv4Address left, IPv4Address right) => left._value != right._value;

    public override string ToString() =>
        (_value >> 24).ToString() + "." + ((_value >> 16) & 0xFF).ToString() + "." + ((_value >> 8) & 0xFF).ToString() + "." + (_value & 0xFF).ToString();
}
