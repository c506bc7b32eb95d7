using System;

namespace Uk.Net;

// ICMP (RFC 792) as a host needs it: answers echo requests, sends destination unreachable
// (rate limited by a token bucket) and records the rest.
public sealed class IcmpLayer
{
    public const byte TypeEchoReply = 0;
    public const byte TypeUnreachable = 3;
    public const byte TypeEchoRequest = 8;
    public const byte CodeProtocolUnreachable = 2;
    public const byte CodePortUnreachable = 3;
    private const int HeaderLength = 8;

    private readonly IIpSender _ip;
    private readonly NetStatistics _statistics;
    private readonly NetStackOptions _options;
    private readonly byte[] _scratch;
    private int _tokens;
    private long _lastRefill;

    public IcmpLayer(IIpSender ip, NetStatistics statistics, NetStackOptions options, int mtu)
    {
        _ip = ip;
        _statistics = statistics;
        _options = options;
        _scratch = new byte[mtu];
        _tokens = options.IcmpErrorsPerSecond;
    }

    // Echo replies that arrive: (from, identifier, sequence). Runs under the network lock.
    public Action<IPv4Address, ushort, ushort>? EchoReply { get; set; }

    public NetCounter Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
            return NetCounter.DropIcmpMalformed;
        if (!InternetChecksum.IsValid(message))
            return NetCounter.DropIcmpBadChecksum;
        switch (message[0])
        {
            case TypeEchoRequest:
                // A ping of a broadcast address is not answered (smurf amplification).
                if (message[1] == 0 && !destination.IsBroadcast && !destination.IsAny)
                    SendEchoReply(source, destination, message);
                break;
            case TypeEchoReply:
                _statistics.Increment(NetCounter.IcmpEchoRepliesReceived);
                EchoReply?.Invoke(source, NetworkOrder.ReadUInt16(message.Slice(4)), NetworkOrder.ReadUInt16(message.Slice(6)));
                break;
            case TypeUnreachable:
                _statistics.Increment(NetCounter.IcmpUnreachableReceived);
                break;
            default:
                _statistics.Increment(NetCounter.IcmpOtherReceived);
                break;
        }
        return NetCounter.IcmpReceived;
    }

    private void SendEchoReply(IPv4Address to, IPv4Address from, ReadOnlySpan<byte> request)
    {
        if (request.Length > _scratch.Length || request.Length > _ip.MaxPayload)
            return;
        Span<byte> reply = new Span<byte>(_scratch, 0, request.Length);
        request.CopyTo(reply);
        reply[0] = TypeEchoReply;
        reply[2] = 0;
        reply[3] = 0;
        NetworkOrder.WriteUInt16(reply.Slice(2), InternetChecksum.Compute(reply));
        if (_ip.SendIp(from, to, Ipv4Header.ProtocolIcmp, reply))
            _statistics.Increment(NetCounter.IcmpEchoRepliesSent);
    }

    public bool SendEchoRequest(IPv4Address to, ushort identifier, ushort sequence, ReadOnlySpan<byte> data)
    {
        int length = HeaderLength + data.Length;
        if (length > _scratch.Length || length > _ip.MaxPayload)
            return false;
        Span<byte> request = new Span<byte>(_scratch, 0, length);
        request[0] = TypeEchoRequest;
        request[1] = 0;
        request[2] = 0;
        request[3] = 0;
        NetworkOrder.WriteUInt16(request.Slice(4), identifier);
        NetworkOrder.WriteUInt16(request.Slice(6), sequence);
        data.CopyTo(request.Slice(HeaderLength));
        NetworkOrder.WriteUInt16(request.Slice(2), InternetChecksum.Compute(request));
        return _ip.SendIp(_ip.LocalAddressFor(to), to, Ipv4Header.ProtocolIcmp, request);
    }

    // Destination unreachable quoting the offending datagram's header and first 8 payload
    // bytes (all RFC 792 asks), unless the bucket is empty.
    public void SendUnreachable(byte code, ReadOnlySpan<byte> offendingHeader, ReadOnlySpan<byte> offendingPayload, IPv4Address to, IPv4Address from, long now)
    {
        Refill(now);
        if (_tokens <= 0)
        {
            _statistics.Increment(NetCounter.IcmpErrorsRateLimited);
            return;
        }
        int quoted = Math.Min(8, offendingPayload.Length);
        int length = HeaderLength + offendingHeader.Length + quoted;
        if (length > _scratch.Length || length > _ip.MaxPayload)
            return;
        _tokens--;
        Span<byte> message = new Span<byte>(_scratch, 0, length);
        message.Clear();
        message[0] = TypeUnreachable;
        message[1] = code;
        offendingHeader.CopyTo(message.Slice(HeaderLength));
        offendingPayload.Slice(0, quoted).CopyTo(message.Slice(HeaderLength + offendingHeader.Length));
        NetworkOrder.WriteUInt16(message.Slice(2), InternetChecksum.Compute(message));
        if (_ip.SendIp(from, to, Ipv4Header.ProtocolIcmp, message))
            _statistics.Increment(NetCounter.IcmpUnreachableSent);
    }

    private void Refill(long now)
    {
        if (now - _lastRefill >= NetStackOptions.Second || now < _lastRefill)
        {
            _tokens = _options.IcmpErrorsPerSecond;
            _lastRefill = now;
        }
    }
}
