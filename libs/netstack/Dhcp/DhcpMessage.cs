using System;
using Uk.NetDev;

namespace Uk.Net;

// The DHCP (RFC 2131/2132) messages a client sends and the fields it reads from a server's
// reply. Options are walked with every length checked against the datagram, and must close
// with the End option.
public struct DhcpMessage
{
    public const byte Discover = 1;
    public const byte Offer = 2;
    public const byte Request = 3;
    public const byte Decline = 4;
    public const byte Ack = 5;
    public const byte Nak = 6;
    public const byte Release = 7;

    public const int FixedLength = 236;
    public const int OptionsStart = FixedLength + 4;
    public const uint MagicCookie = 0x63825363;

    private const byte OptionPad = 0;
    private const byte OptionSubnetMask = 1;
    private const byte OptionRouter = 3;
    private const byte OptionDns = 6;
    private const byte OptionRequestedAddress = 50;
    private const byte OptionLeaseTime = 51;
    private const byte OptionMessageType = 53;
    private const byte OptionServerId = 54;
    private const byte OptionParameterList = 55;
    private const byte OptionRenewalTime = 58;
    private const byte OptionRebindingTime = 59;
    private const byte OptionEnd = 255;

    public byte Type;
    public uint TransactionId;
    public IPv4Address YourAddress;
    public IPv4Address ServerId;
    public IPv4Address SubnetMask;
    public IPv4Address Router;
    public IPv4Address Dns;
    public uint LeaseSeconds;
    public uint RenewalSeconds;
    public uint RebindingSeconds;

    // A server reply (op 2) for Ethernet hardware address mac; false for anything malformed,
    // for another client, or without a message type.
    public static bool TryParse(ReadOnlySpan<byte> data, MacAddress mac, out DhcpMessage message)
    {
        message = default;
        if (data.Length < OptionsStart)
            return false;
        if (data[0] != 2 || data[1] != 1 || data[2] != 6)
            return false;
        if (MacAddress.Read(data.Slice(28)) != mac || NetworkOrder.ReadUInt32(data.Slice(FixedLength)) != MagicCookie)
            return false;
        message.TransactionId = NetworkOrder.ReadUInt32(data.Slice(4));
        message.YourAddress = IPv4Address.Read(data.Slice(16));
        int i = OptionsStart;
        bool ended = false;
        while (i < data.Length)
        {
            byte code = data[i++];
            if (code == OptionPad)
                continue;
            if (code == OptionEnd)
            {
                ended = true;
                break;
            }
            if (i >= data.Length)
                return false;
            int length = data[i++];
            if (length > data.Length - i)
                return false;
            ReadOnlySpan<byte> value = data.Slice(i, length);
            i += length;
            switch (code)
            {
                case OptionMessageType:
                    if (length != 1)
                        return false;
                    message.Type = value[0];
                    break;
                case OptionSubnetMask:
                    if (length != 4)
                        return false;
                    message.SubnetMask = IPv4Address.Read(value);
                    break;
                case OptionRouter:
                    // A list; the first router is the one used.
                    if (length < 4 || (length & 3) != 0)
                        return false;
                    message.Router = IPv4Address.Read(value);
                    break;
                case OptionDns:
                    if (length < 4 || (length & 3) != 0)
                        return false;
                    message.Dns = IPv4Address.Read(value);
                    break;
                case OptionServerId:
                    if (length != 4)
                        return false;
                    message.ServerId = IPv4Address.Read(value);
                    break;
                case OptionLeaseTime:
                case OptionRenewalTime:
                case OptionRebindingTime:
                    if (length != 4)
                        return false;
                    uint seconds = NetworkOrder.ReadUInt32(value);
                    if (code == OptionLeaseTime)
                        message.LeaseSeconds = seconds;
                    else if (code == OptionRenewalTime)
                        message.RenewalSeconds = seconds;
                    else
                        message.RebindingSeconds = seconds;
                    break;
            }
        }
        // Without the End option the message was cut short somewhere.
        return ended && message.Type >= Discover && message.Type <= Release;
    }

    // A client message into buffer; returns its length. requested/server are left out when Any.
    public static int Write(Span<byte> buffer, byte type, uint xid, MacAddress mac, ushort seconds, IPv4Address clientAddress, IPv4Address requested, IPv4Address server)
    {
        buffer.Slice(0, OptionsStart).Clear();
        buffer[0] = 1;
        buffer[1] = 1;
        buffer[2] = 6;
        NetworkOrder.WriteUInt32(buffer.Slice(4), xid);
        NetworkOrder.WriteUInt16(buffer.Slice(8), seconds);
        // Broadcast flag: we cannot take unicast before we have an address.
        if (clientAddress.IsAny)
            NetworkOrder.WriteUInt16(buffer.Slice(10), 0x8000);
        clientAddress.Write(buffer.Slice(12));
        mac.Write(buffer.Slice(28));
        NetworkOrder.WriteUInt32(buffer.Slice(FixedLength), MagicCookie);
        int i = OptionsStart;
        buffer[i++] = OptionMessageType;
        buffer[i++] = 1;
        buffer[i++] = type;
        if (!requested.IsAny)
            i = WriteAddressOption(buffer, i, OptionRequestedAddress, requested);
        if (!server.IsAny)
            i = WriteAddressOption(buffer, i, OptionServerId, server);
        buffer[i++] = OptionParameterList;
        buffer[i++] = 4;
        buffer[i++] = OptionSubnetMask;
        buffer[i++] = OptionRouter;
        buffer[i++] = OptionDns;
        buffer[i++] = OptionLeaseTime;
        buffer[i++] = OptionEnd;
        // Some servers ignore requests shorter than a BOOTP message (300 bytes).
        while (i < 300)
            buffer[i++] = OptionPad;
        return i;
    }

    private static int WriteAddressOption(Span<byte> buffer, int i, byte code, IPv4Address address)
    {
        buffer[i++] = code;
        buffer[i++] = 4;
        address.Write(buffer.Slice(i));
        return i + 4;
    }
}
