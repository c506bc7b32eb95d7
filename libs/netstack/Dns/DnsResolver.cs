using System;
using System.Collections.Generic;

namespace Uk.Net;

// Resolves host names to IPv4 addresses with A queries over UDP to the stack's DNS server.
// A response counts only if it comes from that server's port 53 with a pending query's id and
// question; answers are cached for their TTL. An unanswered query is sent three times,
// waiting 1, 2 and 4 seconds, then fails.
public sealed class DnsResolver : INetTimer
{
    public const ushort ServerPort = 53;
    private const int Attempts = 3;
    private const long FirstTimeout = NetStackOptions.Second;
    private const uint LongestTtl = 86400;
    private const int MaxInFlight = 16;

    private readonly NetStack _stack;
    private readonly List<DnsLookup> _inFlight = new List<DnsLookup>();
    private readonly string[] _cacheNames;
    private readonly IPv4Address[] _cacheAddresses;
    private readonly long[] _cacheExpires;
    private readonly byte[] _buffer = new byte[512];
    private UdpEndpoint? _endpoint;

    public DnsResolver(NetStack stack, int cacheSize = 32)
    {
        _stack = stack;
        int n = cacheSize < 1 ? 1 : cacheSize;
        _cacheNames = new string[n];
        _cacheAddresses = new IPv4Address[n];
        _cacheExpires = new long[n];
        stack.AddTimer(this);
    }

    public int InFlight => _inFlight.Count;

    public ulong CacheHits { get; private set; }

    // Starts resolving name. Dotted quads and cached names complete at once.
    public DnsLookup Resolve(string name, long now)
    {
        var lookup = new DnsLookup(name);
        if (IPv4Address.TryParse(name, out IPv4Address literal))
        {
            lookup.Complete(DnsStatus.Resolved, literal);
            return lookup;
        }
        if (DnsMessage.SameName(name, "localhost"))
        {
            lookup.Complete(DnsStatus.Resolved, IPv4Address.Loopback);
            return lookup;
        }
        int cached = FindCached(name, now);
        if (cached >= 0)
        {
            CacheHits++;
            lookup.Complete(DnsStatus.Resolved, _cacheAddresses[cached]);
            return lookup;
        }
        if (DnsMessage.WriteQuery(_buffer, 0, name) == 0)
        {
            lookup.Complete(DnsStatus.InvalidName, default);
            return lookup;
        }
        if (_stack.DnsServer.IsAny)
        {
            lookup.Complete(DnsStatus.NoServer, default);
            return lookup;
        }
        if (_inFlight.Count >= MaxInFlight)
        {
            lookup.Complete(DnsStatus.Failed, default);
            return lookup;
        }
        if (_endpoint is null)
        {
            if (!_stack.TryOpenUdp(0, out _endpoint))
            {
                lookup.Complete(DnsStatus.Failed, default);
                return lookup;
            }
            _endpoint!.Changed = OnDatagram;
        }
        lookup.Id = NewId();
        _inFlight.Add(lookup);
        Send(lookup, now);
        return lookup;
    }

    // Gives up on lookup (a caller that stopped waiting).
    public void Cancel(DnsLookup lookup)
    {
        if (_inFlight.Remove(lookup))
            lookup.Complete(DnsStatus.Failed, default);
    }

    private ushort NewId()
    {
        while (true)
        {
            ushort id = _stack.Random.NextUInt16();
            bool used = false;
            for (int i = 0; i < _inFlight.Count; i++)
                used |= _inFlight[i].Id == id;
            if (!used)
                return id;
        }
    }

    private void Send(DnsLookup lookup, long now)
    {
        int length = DnsMessage.WriteQuery(_buffer, lookup.Id, lookup.Name);
        if (_endpoint!.Send(_stack.DnsServer, ServerPort, new ReadOnlySpan<byte>(_buffer, 0, length)))
            _stack.Statistics.Increment(NetCounter.DnsQueriesSent);
        lookup.Deadline = now + (FirstTimeout << lookup.Attempts);
        lookup.Attempts++;
    }

    public long NextDeadline
    {
        get
        {
            long next = long.MaxValue;
            for (int i = 0; i < _inFlight.Count; i++)
                next = Math.Min(next, _inFlight[i].Deadline);
            return next;
        }
    }

    public void Tick(long now)
    {
        for (int i = _inFlight.Count - 1; i >= 0; i--)
        {
            DnsLookup lookup = _inFlight[i];
            if (lookup.Deadline > now)
                continue;
            if (lookup.Attempts >= Attempts)
            {
                _inFlight.RemoveAt(i);
                lookup.Complete(DnsStatus.Failed, default);
            }
            else
                Send(lookup, now);
        }
    }

    private void OnDatagram()
    {
        while (_endpoint!.TryReceive(_buffer, out int length, out IPv4Address from, out ushort fromPort))
        {
            ReadOnlySpan<byte> message = new ReadOnlySpan<byte>(_buffer, 0, Math.Min(length, _buffer.Length));
            int index = -1;
            if (from == _stack.DnsServer && fromPort == ServerPort && DnsMessage.TryReadId(message, out ushort id))
            {
                for (int i = 0; i < _inFlight.Count; i++)
                    if (_inFlight[i].Id == id)
                        index = i;
            }
            if (index < 0)
            {
                _stack.Statistics.Increment(NetCounter.DnsUnmatched);
                continue;
            }
            DnsLookup lookup = _inFlight[index];
            DnsAnswer answer = DnsMessage.ReadResponse(message, lookup.Name, out IPv4Address address, out uint ttl);
            if (answer == DnsAnswer.Malformed)
            {
                // Keep waiting: a forged or broken reply must not end a lookup.
                _stack.Statistics.Increment(NetCounter.DnsRejected);
                continue;
            }
            _stack.Statistics.Increment(NetCounter.DnsResponses);
            _inFlight.RemoveAt(index);
            if (answer == DnsAnswer.Address)
            {
                AddToCache(lookup.Name, address, ttl, _stack.Now);
                lookup.Complete(DnsStatus.Resolved, address);
            }
            else
                lookup.Complete(answer == DnsAnswer.NameError ? DnsStatus.NotFound : DnsStatus.Failed, default);
        }
    }

    private int FindCached(string name, long now)
    {
        for (int i = 0; i < _cacheNames.Length; i++)
            if (_cacheNames[i] is not null && _cacheExpires[i] > now && DnsMessage.SameName(_cacheNames[i], name))
                return i;
        return -1;
    }

    private void AddToCache(string name, IPv4Address address, uint ttl, long now)
    {
        if (ttl == 0)
            return;
        int victim = 0;
        for (int i = 0; i < _cacheNames.Length; i++)
        {
            if (_cacheNames[i] is null || DnsMessage.SameName(_cacheNames[i], name))
            {
                victim = i;
                break;
            }
            if (_cacheExpires[i] < _cacheExpires[victim])
                victim = i;
        }
        _cacheNames[victim] = name;
        _cacheAddresses[victim] = address;
        _cacheExpires[victim] = now + Math.Min(ttl, LongestTtl) * NetStackOptions.Second;
    }
}
