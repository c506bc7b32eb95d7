using System;
using System.Collections.Generic;

namespace Uk.Net;

// UDP (RFC 768): the port table, checksums, and the send path through one scratch buffer.
public sealed class UdpLayer
{
    public const int HeaderLength = 8;

    // The largest datagram's data: what an IPv4 datagram carries, less this header.
    public const int MaxDataLength = Ipv4Header.MaxPayload - HeaderLength;
    private const int EphemeralFirst = 49152;
    private const int EphemeralCount = 65536 - EphemeralFirst;

    private readonly IIpSender _ip;
    private readonly NetStatistics _statistics;
    private readonly NetStackOptions _options;
    private readonly Random64 _random;
    private readonly Dictionary<int, UdpEndpoint> _endpoints = new Dictionary<int, UdpEndpoint>();
    private readonly byte[] _scratch;
    private byte[]? _largeScratch;

    public UdpLayer(IIpSender ip, NetStatistics statistics, NetStackOptions options, Random64 random, int mtu)
    {
        _ip = ip;
        _statistics = statistics;
        _options = options;
        _random = random;
        _scratch = new byte[mtu];
    }

    public int EndpointCount => _endpoints.Count;

    // Binds localPort (0 picks a free ephemeral one). Throws when the port is taken or the
    // endpoint limit is reached: both are the caller's mistake, reported like a socket does.
    public UdpEndpoint Open(ushort localPort)
    {
        if (_endpoints.Count >= _options.UdpMaxEndpoints)
            throw new InvalidOperationException("udp: endpoint limit reached");
        if (localPort == 0)
            localPort = PickEphemeral();
        if (_endpoints.ContainsKey(localPort))
            throw new InvalidOperationException("udp: port " + localPort.ToString() + " in use");
        var endpoint = new UdpEndpoint(this, localPort, _options.UdpQueueBytes, _options.UdpQueueDatagrams);
        _endpoints[localPort] = endpoint;
        return endpoint;
    }

    // Open without exceptions: false when the port is taken, no ephemeral port is free or
    // the endpoint limit is reached (what a socket layer turns into its own error).
    public bool TryOpen(ushort localPort, out UdpEndpoint? endpoint)
    {
        endpoint = null;
        if (_endpoints.Count >= _options.UdpMaxEndpoints || (localPort != 0 && _endpoints.ContainsKey(localPort)))
            return false;
        if (localPort == 0)
        {
            if (_endpoints.Count >= EphemeralCount)
                return false;
            localPort = PickEphemeral();
        }
        endpoint = Open(localPort);
        return true;
    }

    public bool IsBound(ushort port) => _endpoints.ContainsKey(port);

    internal void Remove(UdpEndpoint endpoint)
    {
        if (_endpoints.TryGetValue(endpoint.LocalPort, out UdpEndpoint? bound) && bound == endpoint)
            _endpoints.Remove(endpoint.LocalPort);
    }

    private ushort PickEphemeral()
    {
        int start = (int)(_random.NextUInt32() % EphemeralCount);
        for (int i = 0; i < EphemeralCount; i++)
        {
            int port = EphemeralFirst + (start + i) % EphemeralCount;
            if (!_endpoints.ContainsKey(port))
                return (ushort)port;
        }
        throw new InvalidOperationException("udp: no free ephemeral port");
    }

    internal bool Send(ushort sourcePort, IPv4Address destination, ushort destinationPort, ReadOnlySpan<byte> data)
    {
        int length = HeaderLength + data.Length;
        if (data.Length > MaxDataLength)
        {
            _statistics.Increment(NetCounter.SendTooBig);
            return false;
        }
        // Datagrams longer than a frame (the IP layer fragments them) are built in a buffer
        // allocated on the first one.
        byte[] scratch = length <= _scratch.Length ? _scratch : _largeScratch ??= new byte[Ipv4Header.MaxPayload];
        IPv4Address source = _ip.LocalAddressFor(destination);
        Span<byte> datagram = new Span<byte>(scratch, 0, length);
        NetworkOrder.WriteUInt16(datagram, sourcePort);
        NetworkOrder.WriteUInt16(datagram.Slice(2), destinationPort);
        NetworkOrder.WriteUInt16(datagram.Slice(4), (ushort)length);
        datagram[6] = 0;
        datagram[7] = 0;
        data.CopyTo(datagram.Slice(HeaderLength));
        uint sum = InternetChecksum.AddPseudoHeader(0, source, destination, Ipv4Header.ProtocolUdp, length);
        ushort checksum = InternetChecksum.Finish(InternetChecksum.Add(sum, datagram));
        // Zero means "no checksum" in UDP, so a computed zero is sent as all ones.
        NetworkOrder.WriteUInt16(datagram.Slice(6), checksum == 0 ? (ushort)0xFFFF : checksum);
        if (!_ip.SendIp(source, destination, Ipv4Header.ProtocolUdp, datagram))
            return false;
        _statistics.Increment(NetCounter.UdpSent);
        return true;
    }

    // One UDP datagram for this host; the counter returned is its outcome (UdpReceived or a
    // drop; DropUdpNoPort tells the caller to answer with ICMP port unreachable).
    public NetCounter Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> datagram, bool checksumVerified)
    {
        if (datagram.Length < HeaderLength)
            return NetCounter.DropUdpMalformed;
        int length = NetworkOrder.ReadUInt16(datagram.Slice(4));
        if (length < HeaderLength || length > datagram.Length)
            return NetCounter.DropUdpBadLength;
        datagram = datagram.Slice(0, length);
        ushort checksum = NetworkOrder.ReadUInt16(datagram.Slice(6));
        if (checksum != 0 && !checksumVerified)
        {
            uint sum = InternetChecksum.AddPseudoHeader(0, source, destination, Ipv4Header.ProtocolUdp, length);
            if (InternetChecksum.Finish(InternetChecksum.Add(sum, datagram)) != 0)
                return NetCounter.DropUdpBadChecksum;
        }
        ushort sourcePort = NetworkOrder.ReadUInt16(datagram);
        ushort destinationPort = NetworkOrder.ReadUInt16(datagram.Slice(2));
        if (!_endpoints.TryGetValue(destinationPort, out UdpEndpoint? endpoint))
            return NetCounter.DropUdpNoPort;
        return endpoint.Deliver(source, sourcePort, datagram.Slice(HeaderLength)) ? NetCounter.UdpReceived : NetCounter.DropUdpQueueFull;
    }
}
