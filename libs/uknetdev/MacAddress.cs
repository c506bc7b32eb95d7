using System;

namespace Uk.NetDev;

// An Ethernet address, kept in one ulong (first octet in the top used byte) so it compares,
// hashes and copies as a value.
public readonly struct MacAddress : IEquatable<MacAddress>
{
    private readonly ulong _value;

    public MacAddress(ulong value) => _value = value & 0xFFFF_FFFF_FFFFUL;

    public static MacAddress Broadcast => new MacAddress(0xFFFF_FFFF_FFFFUL);

    public static MacAddress Zero => default;

    public ulong Value => _value;

    public bool IsBroadcast => _value == 0xFFFF_FFFF_FFFFUL;

    public bool IsMulticast => (_value & 0x0100_0000_0000UL) != 0;

    public static MacAddress Read(ReadOnlySpan<byte> source)
    {
        ulong value = 0;
        for (int i = 0; i < 6; i++)
            value = value << 8 | source[i];
        return new MacAddress(value);
    }

    public void Write(Span<byte> destination)
    {
        for (int i = 0; i < 6; i++)
            destination[i] = (byte)(_value >> (40 - 8 * i));
    }

    public bool Equals(MacAddress other) => _value == other._value;

    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    public override int GetHashCode() => (int)_value ^ (int)(_value >> 32);

    public static bool operator ==(MacAddress left, MacAddress right) => left._value == right._value;

    public static bool operator !=(MacAddress left, MacAddress right) => left._value != right._value;

    public override string ToString()
    {
        const string Hex = "0123456789abcdef";
        char[] text = new char[17];
        for (int i = 0; i < 6; i++)
        {
            byte octet = (byte)(_value >> (40 - 8 * i));
            text[i * 3] = Hex[octet >> 4];
            text[i * 3 + 1] = Hex[octet & 0xF];
            if (i < 5)
                text[i * 3 + 2] = ':';
        }
        return new string(text);
    }
}
