using System;
using System.Collections.Generic;
using Uk.NetDev;

namespace Uk.Net;

// One IPv4 interface: Ethernet in and out over an INetworkLink, ARP, IPv4 with reassembly,
// ICMP and UDP, and the protocol table TCP registers in. Single-threaded: the guest calls it
// under Network.Lock; tests call it directly and pass the time. Nothing thrown escapes the
// receive path: every bad frame is counted and dropped.
public sealed class NetStack : IIpSender
{
    private readonly MacAddress _mac;
    private readonly INetworkLink _link;
    private readonly NetStackOptions _options;
    private readonly ArpCache _arp;
    private readonly PendingFrames _pending;
    private readonly Reassembler _reassembler;
    private readonly LoopbackQueue _loopback;
    private readonly IIpProtocolHandler?[] _handlers = new IIpProtocolHandler?[256];
    private readonly List<INetTimer> _timers = new List<INetTimer>();
    private readonly byte[] _frame;
    private readonly Random64 _random;
    private ushort _identification;
    private long _now;

    public NetStack(MacAddress mac, INetworkLink link, NetStackOptions options)
    {
        _mac = mac;
        _link = link;
        _options = options;
        Mtu = link.Mtu;
        _arp = new ArpCache(options.ArpCacheSize);
        _frame = new byte[Ethernet.HeaderLength + Mtu];
        _pending = new PendingFrames(options.ArpQueue, _frame.Length);
        _reassembler = new Reassembler(options);
        _loopback = new LoopbackQueue(options.LoopbackQueue, Mtu);
        _random = options.Key is null ? new Random64(options.Seed) : new Random64(options.Key);
        _identification = _random.NextUInt16();
        Udp = new UdpLayer(this, Statistics, options, _random, Mtu);
        Icmp = new IcmpLayer(this, Statistics, options, Mtu);
    }

    public MacAddress Mac => _mac;

    public int Mtu { get; }

    public NetStackOptions Options => _options;

    public NetStatistics Statistics { get; } = new NetStatistics();

    public ArpCache Arp => _arp;

    public Reassembler Reassembler => _reassembler;

    public UdpLayer Udp { get; }

    public IcmpLayer Icmp { get; }

    public Random64 Random => _random;

    public IPv4Address Address { get; private set; }

    public IPv4Address Netmask { get; private set; }

    public IPv4Address Gateway { get; private set; }

    public IPv4Address DnsServer { get; private set; }

    public bool IsConfigured => !Address.IsAny;

    // Runs after Configure or Unconfigure (under the network lock; signal only).
    public Action? ConfigurationChanged { get; set; }

    // The last time the stack was told (ReceiveFrame or Tick); the send path's clock.
    public long Now => _now;

    public int MaxPayload => Mtu - Ipv4Header.MinLength;

    public void RegisterProtocol(byte protocol, IIpProtocolHandler handler)
    {
        if (protocol == Ipv4Header.ProtocolIcmp || protocol == Ipv4Header.ProtocolUdp)
            throw new InvalidOperationException("netstack: protocol " + protocol.ToString() + " is built in");
        _handlers[protocol] = handler;
    }

    public void AddTimer(INetTimer timer) => _timers.Add(timer);

    public UdpEndpoint OpenUdp(ushort localPort) => Udp.Open(localPort);

    public bool TryOpenUdp(ushort localPort, out UdpEndpoint? endpoint) => Udp.TryOpen(localPort, out endpoint);

    public DhcpClient? Dhcp { get; private set; }

    // Starts (or restarts) address configuration by DHCP.
    public DhcpClient StartDhcp(long now)
    {
        Dhcp ??= new DhcpClient(this);
        Dhcp.Start(now);
        return Dhcp;
    }

    private DnsResolver? _dns;

    // The name resolver, created (with its UDP port) on first use.
    public DnsResolver Dns => _dns ??= new DnsResolver(this);

    // Sets the interface address (from DHCP or static configuration) and announces it with a
    // gratuitous ARP so neighbours drop stale mappings.
    public void Configure(IPv4Address address, IPv4Address netmask, IPv4Address gateway, IPv4Address dns)
    {
        bool changed = address != Address;
        Address = address;
        Netmask = netmask;
        Gateway = gateway;
        DnsServer = dns;
        if (changed && !address.IsAny)
            SendArp(ArpPacket.OpRequest, MacAddress.Broadcast, MacAddress.Zero, address);
        ConfigurationChanged?.Invoke();
    }

    public void Unconfigure()
    {
        Address = default;
        Netmask = default;
        Gateway = default;
        DnsServer = default;
        ConfigurationChanged?.Invoke();
    }

    // Runs when a datagram to this host is queued (the guest wakes its network thread, whose
    // next Tick delivers it). Under the network lock; signal only.
    public Action? LoopbackPending { get; set; }

    public IPv4Address LocalAddressFor(IPv4Address destination) => IsLoopback(destination) ? destination : Address;

    private static bool IsLoopback(IPv4Address address) => (address.Value >> 24) == 127;

    private bool IsLocal(IPv4Address address) => IsLoopback(address) || (IsConfigured && address == Address);

    private IPv4Address SubnetBroadcast => new IPv4Address(Address.Value | ~Netmask.Value);

    // ---- receive ----

    public void ReceiveFrame(ReadOnlySpan<byte> frame, bool checksumVerified, long now)
    {
        _now = now;
        Statistics.Increment(NetCounter.FramesReceived);
        NetCounter outcome;
        try
        {
            outcome = Dispatch(frame, checksumVerified, now);
        }
        catch (Exception)
        {
            // A parser bug must cost one packet, not the network thread; the fuzz tests
            // require this counter to stay at zero.
            outcome = NetCounter.DropInternalError;
        }
        Statistics.Increment(outcome);
    }

    private NetCounter Dispatch(ReadOnlySpan<byte> frame, bool checksumVerified, long now)
    {
        if (frame.Length < Ethernet.HeaderLength)
            return NetCounter.DropEthernetShort;
        MacAddress destination = MacAddress.Read(frame);
        if (destination != _mac && !destination.IsBroadcast)
            return NetCounter.DropEthernetNotForUs;
        ushort type = NetworkOrder.ReadUInt16(frame.Slice(12));
        ReadOnlySpan<byte> payload = frame.Slice(Ethernet.HeaderLength);
        if (type == Ethernet.TypeArp)
            return ReceiveArp(payload, now);
        if (type == Ethernet.TypeIPv4)
            return ReceiveIp(payload, checksumVerified, now, loopback: false);
        return NetCounter.DropEthernetUnknownType;
    }

    private NetCounter ReceiveArp(ReadOnlySpan<byte> data, long now)
    {
        if (!ArpPacket.TryParse(data, out ArpPacket packet) || packet.SenderMac.IsMulticast || packet.SenderMac == MacAddress.Zero)
            return NetCounter.DropArpMalformed;
        // Someone else claiming our address (a conflict, or spoofing) must not enter the cache.
        if (IsConfigured && packet.SenderIp == Address)
            return NetCounter.DropArpNotForUs;
        bool forUs = IsConfigured && packet.TargetIp == Address;
        int index = packet.SenderIp.IsAny ? -1 : _arp.Find(packet.SenderIp);
        if (index < 0 && !forUs)
            return NetCounter.DropArpNotForUs;
        // RFC 826's merge: refresh a known sender; learn a new one only when it talks to us.
        if (!packet.SenderIp.IsAny)
        {
            if (index < 0)
                index = AllocateArpEntry(packet.SenderIp);
            _arp.Resolve(index, packet.SenderMac, now + _options.ArpEntryLifetime);
            FlushPending(packet.SenderIp, packet.SenderMac);
        }
        if (forUs && packet.Operation == ArpPacket.OpRequest)
            SendArp(ArpPacket.OpReply, packet.SenderMac, packet.SenderMac, packet.SenderIp);
        return NetCounter.ArpReceived;
    }

    private NetCounter ReceiveIp(ReadOnlySpan<byte> data, bool checksumVerified, long now, bool loopback)
    {
        if (!Ipv4Header.TryParse(data, out Ipv4Header header, out NetCounter drop))
            return drop;
        if (header.Source.IsBroadcast || header.Source.IsMulticast || (IsConfigured && header.Source == SubnetBroadcast))
            return NetCounter.DropIpBadSource;
        // 127.0.0.0/8 never comes from the wire (RFC 1122 3.2.1.3), nor does our own address.
        if (!loopback && (IsLoopback(header.Source) || IsLoopback(header.Destination) || (IsConfigured && header.Source == Address)))
            return NetCounter.DropIpBadSource;
        IPv4Address to = header.Destination;
        bool forUs = loopback || (!IsConfigured ? !to.IsMulticast : to == Address || to.IsBroadcast || to == SubnetBroadcast);
        if (!forUs)
            return NetCounter.DropIpNotForUs;
        Statistics.Increment(NetCounter.IpReceived);
        ReadOnlySpan<byte> ipHeader = data.Slice(0, header.HeaderLength);
        ReadOnlySpan<byte> payload = data.Slice(header.HeaderLength, header.TotalLength - header.HeaderLength);
        if (header.IsFragment)
        {
            Statistics.Increment(NetCounter.FragmentsReceived);
            ReassemblyResult result = _reassembler.Add(header, payload, now, out ReadOnlySpan<byte> whole, out drop);
            if (result == ReassemblyResult.Dropped)
                return drop;
            if (result == ReassemblyResult.Queued)
                return NetCounter.FragmentsQueued;
            Statistics.Increment(NetCounter.DatagramsReassembled);
            return Deliver(header, ipHeader, whole, false, now);
        }
        return Deliver(header, ipHeader, payload, checksumVerified, now);
    }

    private NetCounter Deliver(in Ipv4Header header, ReadOnlySpan<byte> ipHeader, ReadOnlySpan<byte> payload, bool checksumVerified, long now)
    {
        bool unicast = IsLocal(header.Destination);
        if (header.Protocol == Ipv4Header.ProtocolIcmp)
            return Icmp.Receive(header.Source, header.Destination, payload);
        if (header.Protocol == Ipv4Header.ProtocolUdp)
        {
            NetCounter outcome = Udp.Receive(header.Source, header.Destination, payload, checksumVerified);
            if (outcome == NetCounter.DropUdpNoPort && unicast)
                Icmp.SendUnreachable(IcmpLayer.CodePortUnreachable, ipHeader, payload, header.Source, header.Destination, now);
            return outcome;
        }
        IIpProtocolHandler? handler = _handlers[header.Protocol];
        if (handler is null)
        {
            if (unicast)
                Icmp.SendUnreachable(IcmpLayer.CodeProtocolUnreachable, ipHeader, payload, header.Source, header.Destination, now);
            return NetCounter.DropIpUnknownProtocol;
        }
        // Transports other than UDP only talk to one address, never to broadcasts.
        if (!unicast)
            return NetCounter.DropIpNotForUs;
        handler.Receive(header.Source, header.Destination, payload, checksumVerified, now);
        return NetCounter.IpDelivered;
    }

    // ---- send ----

    public bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > Ipv4Header.MaxPayload)
        {
            Statistics.Increment(NetCounter.SendTooBig);
            return false;
        }
        if (IsLocal(destination))
        {
            source = source.IsAny ? LocalAddressFor(destination) : source;
            // The loopback queue's slots hold one frame each: a longer datagram goes as
            // fragments, which the receive path reassembles as it does the wire's.
            return payload.Length > MaxPayload
                ? SendLoopbackFragments(source, destination, protocol, payload)
                : SendLoopback(source, destination, protocol, payload);
        }
        bool broadcast = destination.IsBroadcast || (IsConfigured && destination == SubnetBroadcast);
        IPv4Address nextHop = destination;
        if (!broadcast)
        {
            if (!IsConfigured || destination.IsAny || destination.IsMulticast)
            {
                Statistics.Increment(NetCounter.SendNoRoute);
                return false;
            }
            if (!destination.IsInSubnet(Address, Netmask))
            {
                if (Gateway.IsAny)
                {
                    Statistics.Increment(NetCounter.SendNoRoute);
                    return false;
                }
                nextHop = Gateway;
            }
        }
        if (source.IsAny)
            source = Address;
        if (payload.Length > MaxPayload)
            return SendFragments(source, destination, nextHop, broadcast, protocol, payload);
        int length = Ethernet.HeaderLength + Ipv4Header.MinLength + payload.Length;
        Span<byte> frame = new Span<byte>(_frame, 0, length);
        Ethernet.WriteHeader(frame, MacAddress.Broadcast, _mac, Ethernet.TypeIPv4);
        Ipv4Header.Write(frame.Slice(Ethernet.HeaderLength), payload.Length, _identification++, (byte)_options.DefaultTtl, protocol, source, destination);
        payload.CopyTo(frame.Slice(Ethernet.HeaderLength + Ipv4Header.MinLength));
        if (broadcast)
        {
            Transmit(frame);
            Statistics.Increment(NetCounter.IpSent);
            return true;
        }
        if (!Resolve(nextHop, frame))
            return false;
        Statistics.Increment(NetCounter.IpSent);
        return true;
    }

    // A datagram longer than one frame, as fragments of the largest multiple of 8 bytes a
    // frame holds (RFC 791), all with one identification. A fragment that cannot go (the ARP
    // queue full) ends the send: the receiver discards the partial datagram when it expires.
    private bool SendFragments(IPv4Address source, IPv4Address destination, IPv4Address nextHop, bool broadcast, byte protocol, ReadOnlySpan<byte> payload)
    {
        int step = MaxPayload & ~7;
        ushort identification = _identification++;
        for (int offset = 0; offset < payload.Length; offset += step)
        {
            int length = Math.Min(step, payload.Length - offset);
            Span<byte> frame = new Span<byte>(_frame, 0, Ethernet.HeaderLength + Ipv4Header.MinLength + length);
            Ethernet.WriteHeader(frame, MacAddress.Broadcast, _mac, Ethernet.TypeIPv4);
            Ipv4Header.WriteFragment(frame.Slice(Ethernet.HeaderLength), length, identification, (byte)_options.DefaultTtl, protocol,
                source, destination, offset, offset + length < payload.Length);
            payload.Slice(offset, length).CopyTo(frame.Slice(Ethernet.HeaderLength + Ipv4Header.MinLength));
            if (broadcast)
                Transmit(frame);
            else if (!Resolve(nextHop, frame))
                return false;
            Statistics.Increment(NetCounter.FragmentsSent);
        }
        Statistics.Increment(NetCounter.DatagramsFragmented);
        Statistics.Increment(NetCounter.IpSent);
        return true;
    }

    private bool SendLoopback(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        Span<byte> datagram = _loopback.Reserve(Ipv4Header.MinLength + payload.Length);
        if (datagram.IsEmpty)
        {
            Statistics.Increment(NetCounter.SendLoopbackFull);
            return false;
        }
        Ipv4Header.Write(datagram, payload.Length, _identification++, (byte)_options.DefaultTtl, protocol, source, destination);
        payload.CopyTo(datagram.Slice(Ipv4Header.MinLength));
        _loopback.Commit();
        Statistics.Increment(NetCounter.LoopbackSent);
        Statistics.Increment(NetCounter.IpSent);
        LoopbackPending?.Invoke();
        return true;
    }

    // All the fragments or none: a datagram half in the queue would only expire in reassembly.
    private bool SendLoopbackFragments(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload)
    {
        int step = MaxPayload & ~7;
        if (_loopback.Free < (payload.Length + step - 1) / step)
        {
            Statistics.Increment(NetCounter.SendLoopbackFull);
            return false;
        }
        ushort identification = _identification++;
        for (int offset = 0; offset < payload.Length; offset += step)
        {
            int length = Math.Min(step, payload.Length - offset);
            Span<byte> datagram = _loopback.Reserve(Ipv4Header.MinLength + length);
            Ipv4Header.WriteFragment(datagram, length, identification, (byte)_options.DefaultTtl, protocol,
                source, destination, offset, offset + length < payload.Length);
            payload.Slice(offset, length).CopyTo(datagram.Slice(Ipv4Header.MinLength));
            _loopback.Commit();
            Statistics.Increment(NetCounter.FragmentsSent);
        }
        Statistics.Increment(NetCounter.DatagramsFragmented);
        Statistics.Increment(NetCounter.LoopbackSent);
        Statistics.Increment(NetCounter.IpSent);
        LoopbackPending?.Invoke();
        return true;
    }

    // Delivers the datagrams queued before this call (those their delivery sends wait for the
    // next Tick, so a chatty pair cannot hold the thread here forever).
    private void DeliverLoopback(long now)
    {
        for (int n = _loopback.Count; n > 0; n--)
        {
            ReadOnlySpan<byte> datagram = _loopback.Peek();
            NetCounter outcome;
            try
            {
                outcome = ReceiveIp(datagram, true, now, loopback: true);
            }
            catch (Exception)
            {
                outcome = NetCounter.DropInternalError;
            }
            _loopback.Pop();
            Statistics.Increment(outcome);
        }
    }

    // Sends frame to nextHop's MAC, or parks it until ARP finds it.
    private bool Resolve(IPv4Address nextHop, Span<byte> frame)
    {
        if (_arp.TryLookup(nextHop, _now, out MacAddress mac, out int resolved))
        {
            mac.Write(frame);
            Transmit(frame);
            RefreshIfExpiring(resolved);
            return true;
        }
        if (!_pending.TryAdd(nextHop, frame))
        {
            Statistics.Increment(NetCounter.SendArpQueueFull);
            return false;
        }
        int index = _arp.Find(nextHop);
        if (index >= 0 && !_arp.At(index).Resolved)
            return true; // a request is already out; its retry timer runs
        index = AllocateArpEntry(nextHop);
        ref ArpCache.Entry entry = ref _arp.At(index);
        entry.Resolved = false;
        entry.RequestsSent = 1;
        entry.NextRetry = _now + _options.ArpRetryInterval;
        SendArp(ArpPacket.OpRequest, MacAddress.Broadcast, MacAddress.Zero, nextHop);
        return true;
    }

    // A neighbour in use when its entry is about to lapse is asked again (unicast, as RFC 1122
    // 2.3.2.1 suggests) while the entry still serves: its answer extends the entry, so traffic
    // to a busy neighbour (the gateway under load) never waits in the pending queue, or is
    // dropped when that is full, while the mapping is learned anew. Unanswered, the entry
    // lapses at its expiry as before.
    private void RefreshIfExpiring(int index)
    {
        ref ArpCache.Entry entry = ref _arp.At(index);
        if (entry.RequestsSent > 0 || entry.Expires - _now > _options.ArpRetries * _options.ArpRetryInterval)
            return;
        entry.RequestsSent = 1;
        entry.NextRetry = _now + _options.ArpRetryInterval;
        SendArp(ArpPacket.OpRequest, entry.Mac, MacAddress.Zero, entry.Address);
    }

    private int AllocateArpEntry(IPv4Address address)
    {
        int index = _arp.Allocate(address, out bool evicted, out IPv4Address evictedAddress);
        if (evicted)
        {
            Statistics.Increment(NetCounter.ArpCacheEvictions);
            // An evicted pending entry's datagrams would otherwise wait forever.
            DropPending(evictedAddress);
        }
        return index;
    }

    private void DropPending(IPv4Address nextHop)
    {
        int dropped = _pending.DropFor(nextHop);
        for (int k = 0; k < dropped; k++)
            Statistics.Increment(NetCounter.ArpResolutionFailed);
    }

    private void FlushPending(IPv4Address nextHop, MacAddress mac)
    {
        int index;
        while ((index = _pending.FindFor(nextHop)) >= 0)
        {
            Span<byte> frame = _pending.Frame(index);
            mac.Write(frame);
            Transmit(frame);
            _pending.Free(index);
        }
    }

    private void SendArp(ushort operation, MacAddress ethernetDestination, MacAddress targetMac, IPv4Address targetIp)
    {
        // Its own small buffer: an ARP reply can go out while _frame holds a datagram.
        Span<byte> frame = stackalloc byte[Ethernet.HeaderLength + ArpPacket.Length];
        Ethernet.WriteHeader(frame, ethernetDestination, _mac, Ethernet.TypeArp);
        var packet = new ArpPacket
        {
            Operation = operation,
            SenderMac = _mac,
            SenderIp = Address,
            TargetMac = targetMac,
            TargetIp = targetIp,
        };
        packet.Write(frame.Slice(Ethernet.HeaderLength));
        Transmit(frame);
        Statistics.Increment(operation == ArpPacket.OpRequest ? NetCounter.ArpRequestsSent : NetCounter.ArpRepliesSent);
    }

    private void Transmit(ReadOnlySpan<byte> frame)
    {
        _link.SendFrame(frame);
        Statistics.Increment(NetCounter.FramesSent);
    }

    // ---- timers ----

    public void Tick(long now)
    {
        _now = now;
        DeliverLoopback(now);
        TickArp(now);
        int expired = _reassembler.Expire(now);
        for (int i = 0; i < expired; i++)
            Statistics.Increment(NetCounter.DropFragmentTimeout);
        for (int i = 0; i < _handlers.Length; i++)
            _handlers[i]?.Tick(now);
        for (int i = 0; i < _timers.Count; i++)
            _timers[i].Tick(now);
    }

    // A resolved entry whose refresh requests are not all spent.
    private bool IsRefreshing(ref ArpCache.Entry entry) => entry.RequestsSent > 0 && entry.RequestsSent < _options.ArpRetries;

    private void TickArp(long now)
    {
        for (int i = 0; i < _arp.Capacity; i++)
        {
            ref ArpCache.Entry entry = ref _arp.At(i);
            if (!entry.InUse)
                continue;
            if (entry.Resolved)
            {
                if (entry.Expires <= now)
                    _arp.Remove(i);
                else if (IsRefreshing(ref entry) && entry.NextRetry <= now)
                {
                    entry.RequestsSent++;
                    entry.NextRetry = now + _options.ArpRetryInterval;
                    SendArp(ArpPacket.OpRequest, entry.Mac, MacAddress.Zero, entry.Address);
                }
                continue;
            }
            if (entry.NextRetry > now)
                continue;
            if (entry.RequestsSent >= _options.ArpRetries)
            {
                DropPending(entry.Address);
                _arp.Remove(i);
                continue;
            }
            entry.RequestsSent++;
            entry.NextRetry = now + _options.ArpRetryInterval;
            SendArp(ArpPacket.OpRequest, MacAddress.Broadcast, MacAddress.Zero, entry.Address);
        }
    }

    public long NextDeadline
    {
        get
        {
            // Loopback datagrams are due at once: "now" as the stack last heard it (not
            // long.MinValue, so callers may subtract the current time safely).
            if (_loopback.Count > 0)
                return _now;
            long next = _reassembler.NextDeadline;
            for (int i = 0; i < _arp.Capacity; i++)
            {
                ref ArpCache.Entry entry = ref _arp.At(i);
                if (entry.InUse)
                    next = Math.Min(next, !entry.Resolved ? entry.NextRetry
                        : IsRefreshing(ref entry) ? Math.Min(entry.Expires, entry.NextRetry) : entry.Expires);
            }
            for (int i = 0; i < _handlers.Length; i++)
            {
                IIpProtocolHandler? handler = _handlers[i];
                if (handler is not null)
                    next = Math.Min(next, handler.NextDeadline);
            }
            for (int i = 0; i < _timers.Count; i++)
                next = Math.Min(next, _timers[i].NextDeadline);
            return next;
        }
    }
}
