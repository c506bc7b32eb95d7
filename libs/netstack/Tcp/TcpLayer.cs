using System;
using System.Collections.Generic;

namespace Uk.Net.Tcp;

// TCP over one IP layer: parses and checks segments, finds their connection or listener,
// answers the rest with RST, runs the connections' timers, and builds every outgoing segment
// in one scratch buffer (no allocation per segment).
public sealed class TcpLayer : IIpProtocolHandler
{
    private const ushort FirstEphemeralPort = 49152;

    private readonly IIpSender _ip;
    private readonly TcpOptions _options;
    private readonly List<TcpConnection> _connections = new List<TcpConnection>();
    private readonly List<TcpListenerEndpoint> _listeners = new List<TcpListenerEndpoint>();
    private readonly byte[] _scratch;
    private readonly Random64 _random;
    private readonly InitialSequenceNumbers _isn;
    private readonly SynCookies _cookies;

    public TcpLayer(IIpSender ip, TcpOptions options)
    {
        _ip = ip;
        _options = options;
        _scratch = new byte[Math.Max(ip.MaxPayload, 128) + 64];
        _random = options.Key is null ? new Random64(options.Seed) : new Random64(options.Key);
        _isn = new InitialSequenceNumbers(_random);
        _cookies = new SynCookies(_random);
    }

    public TcpStatistics Statistics { get; } = new TcpStatistics();

    public TcpOptions Options => _options;

    public int ConnectionCount => _connections.Count;

    internal int MaxPayload => _ip.MaxPayload;

    internal Span<byte> Scratch => _scratch;

    // The time of the latest call from outside, for actions taken without one (listener close).
    internal long LastNow { get; private set; }

    public long NextDeadline
    {
        get
        {
            long next = long.MaxValue;
            for (int i = 0; i < _connections.Count; i++)
            {
                long deadline = _connections[i].NextDeadline;
                if (deadline < next)
                    next = deadline;
            }
            return next;
        }
    }

    public TcpListenerEndpoint Listen(IPv4Address local, ushort port, int backlog)
        => TryListen(local, port, backlog)
            ?? throw new InvalidOperationException("TCP port " + port.ToString() + " is already listening");

    // Listen without an exception: null when the port already has a listener.
    public TcpListenerEndpoint? TryListen(IPv4Address local, ushort port, int backlog)
    {
        if (HasListener(port))
            return null;
        var listener = new TcpListenerEndpoint(this, local, port, backlog > 0 ? backlog : _options.DefaultBacklog);
        _listeners.Add(listener);
        return listener;
    }

    // Starts a handshake from an ephemeral port; the connection reports Established or an
    // Error through Changed.
    public TcpConnection Connect(IPv4Address remote, ushort remotePort, long now)
        => TryConnect(remote, remotePort, now)
            ?? throw new InvalidOperationException("TCP connection limit (" + _options.MaxConnections.ToString() + ") reached or no free port");

    // Connect without an exception: null at the connection limit or with no free port.
    public TcpConnection? TryConnect(IPv4Address remote, ushort remotePort, long now)
    {
        LastNow = now;
        if (_connections.Count >= _options.MaxConnections)
            return null;
        IPv4Address local = _ip.LocalAddressFor(remote);
        ushort port = AllocatePort(remote, remotePort);
        if (port == 0)
            return null;
        TcpConnection? connection = NewConnection(local, port, remote, remotePort, now);
        if (connection is null)
            return null;
        _connections.Add(connection);
        Statistics.Increment(TcpCounter.ActiveOpens);
        connection.StartActiveOpen(now);
        return connection;
    }

    public void Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload, bool checksumVerified, long now)
    {
        LastNow = now;
        Statistics.Increment(TcpCounter.SegmentsReceived);
        TcpParseResult parsed = TcpSegment.TryParse(payload, out TcpSegment segment);
        if (parsed != TcpParseResult.Ok)
        {
            Statistics.Increment(parsed == TcpParseResult.Truncated ? TcpCounter.DropTruncated
                : parsed == TcpParseResult.BadDataOffset ? TcpCounter.DropBadDataOffset : TcpCounter.DropBadOptions);
            return;
        }
        if (!checksumVerified && TcpSegment.Checksum(source, destination, payload) != 0)
        {
            Statistics.Increment(TcpCounter.DropBadChecksum);
            return;
        }
        if (source.IsBroadcast || source.IsMulticast || destination.IsBroadcast || destination.IsMulticast
            || segment.SourcePort == 0 || segment.DestinationPort == 0)
        {
            Statistics.Increment(TcpCounter.DropBadAddress);
            return;
        }
        TcpConnection? connection = Find(destination, segment.DestinationPort, source, segment.SourcePort);
        // RFC 1122 4.2.2.13: a SYN past what the old incarnation received may reopen a 4-tuple
        // in TIME_WAIT (a client reusing its port under churn); other SYNs meet the old one.
        if (connection is not null && connection.State == TcpState.TimeWait && segment.Has(TcpFlags.Syn)
            && !segment.Has(TcpFlags.Ack) && Seq.Gt(segment.SequenceNumber, connection.ReceiveNext))
        {
            connection.Recycle();
            Statistics.Increment(TcpCounter.TimeWaitRecycled);
            connection = null;
        }
        if (connection is not null)
        {
            connection.OnSegment(segment, now);
            return;
        }
        TcpListenerEndpoint? listener = FindListener(destination, segment.DestinationPort);
        if (listener is not null && !segment.Has(TcpFlags.Rst))
        {
            OnListenerSegment(listener, source, destination, segment, now);
            return;
        }
        Statistics.Increment(TcpCounter.DropNoConnection);
        if (!segment.Has(TcpFlags.Rst))
            ResetUnknown(source, destination, segment);
    }

    public void Tick(long now)
    {
        LastNow = now;
        // Backwards: a connection that closes removes itself from the list.
        for (int i = _connections.Count - 1; i >= 0; i--)
        {
            if (i >= _connections.Count)
                continue;
            TcpConnection connection = _connections[i];
            if (connection.NextDeadline <= now)
                connection.OnTick(now);
        }
    }

    private void OnListenerSegment(TcpListenerEndpoint listener, IPv4Address source, IPv4Address destination, in TcpSegment segment, long now)
    {
        if (segment.Has(TcpFlags.Ack))
        {
            CookieOutcome outcome = TryAcceptCookie(listener, source, destination, segment, now);
            if (outcome == CookieOutcome.NotACookie)
            {
                // An ACK for a handshake we do not know (ours expired, or a forged one).
                Statistics.Increment(TcpCounter.DropNoConnection);
                ResetUnknown(source, destination, segment);
            }
            return;
        }
        if (!segment.Has(TcpFlags.Syn) || segment.Has(TcpFlags.Fin))
        {
            Statistics.Increment(TcpCounter.DropUnexpectedFlags);
            return;
        }
        if (listener.IsFull)
        {
            if (_options.SynCookies)
                SendCookie(listener, source, destination, segment, now);
            else
                Statistics.Increment(TcpCounter.DropBacklogFull);
            return;
        }
        if (_connections.Count >= _options.MaxConnections && !RecycleOldestTimeWait())
        {
            Statistics.Increment(TcpCounter.DropConnectionLimit);
            return;
        }
        TcpConnection? connection = NewConnection(destination, segment.DestinationPort, source, segment.SourcePort, now);
        if (connection is null)
            return;
        connection.Listener = listener;
        listener.HalfOpen++;
        _connections.Add(connection);
        Statistics.Increment(TcpCounter.PassiveOpens);
        connection.StartPassiveOpen(segment, now);
    }

    // A connection's buffers are its largest allocation: when the heap cannot hold them the
    // SYN is dropped (the peer retries) or the connect fails, and the stack goes on.
    private TcpConnection? NewConnection(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, long now)
        => NewConnection(local, localPort, remote, remotePort, _isn.For(local, localPort, remote, remotePort, now));

    private TcpConnection? NewConnection(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, uint initialSequence)
    {
        try
        {
            return new TcpConnection(this, _options, local, localPort, remote, remotePort, initialSequence);
        }
        catch (OutOfMemoryException)
        {
            Statistics.Increment(TcpCounter.DropNoMemory);
            return null;
        }
    }

    // A SYN-ACK whose sequence number is a cookie; nothing is kept. It offers no window
    // scaling (nor timestamps or SACK): the cookie's 32 bits have no room left to remember
    // that the peer offered them, and a connection made from the cookie would not know the
    // peer's shift. Options we do not offer are options the peer does not use (RFC 7323 2.2,
    // RFC 2018), so such a connection is correct, only limited to a 64 KiB window.
    private void SendCookie(TcpListenerEndpoint listener, IPv4Address source, IPv4Address destination, in TcpSegment syn, long now)
    {
        uint cookie = _cookies.Make(destination, syn.DestinationPort, source, syn.SourcePort, syn.SequenceNumber, syn.MaxSegmentSize, now);
        Span<byte> segment = _scratch;
        int length = TcpSegment.WriteHeader(segment, syn.DestinationPort, syn.SourcePort, cookie, syn.SequenceNumber + 1,
            TcpFlags.Syn | TcpFlags.Ack, (ushort)Math.Min(_options.ReceiveBuffer, 65535), (ushort)TcpConnection.DefaultMss(this));
        listener.LastCookieAt = now;
        Statistics.Increment(TcpCounter.SynCookiesSent);
        Transmit(destination, source, segment.Slice(0, length));
    }

    // An ACK to a listener that sent cookies lately: when its acknowledgment number is one of
    // our cookies plus one (and its sequence number the peer's first plus one), the handshake
    // is done and the connection is made now, with the MSS the cookie carries (its SYN-ACK
    // offered no other option, so there is nothing else to restore). The segment may already carry data or a FIN; the new
    // connection takes it as any other.
    private CookieOutcome TryAcceptCookie(TcpListenerEndpoint listener, IPv4Address source, IPv4Address destination, in TcpSegment segment, long now)
    {
        if (!_options.SynCookies || segment.Has(TcpFlags.Syn) || !listener.SentCookiesRecently(now))
            return CookieOutcome.NotACookie;
        uint cookie = segment.AcknowledgmentNumber - 1;
        int mss = _cookies.Check(destination, segment.DestinationPort, source, segment.SourcePort, segment.SequenceNumber - 1, cookie, now);
        // Refused without a reset: a forged or expired cookie gets no answer, and a later
        // segment of a good handshake that overtook the first one (it does not carry the
        // peer's first sequence number, so it cannot prove the cookie) must not kill that
        // connection; the peer's retransmission of the first segment gets through.
        if (mss == 0)
        {
            Statistics.Increment(TcpCounter.SynCookiesRejected);
            return CookieOutcome.Rejected;
        }
        // A valid cookie the server has no room for: dropped, not reset, so the peer's
        // retransmission (of its request, usually) can find room later.
        if (listener.AcceptQueueFull)
        {
            Statistics.Increment(TcpCounter.DropBacklogFull);
            return CookieOutcome.Shed;
        }
        if (_connections.Count >= _options.MaxConnections && !RecycleOldestTimeWait())
        {
            Statistics.Increment(TcpCounter.DropConnectionLimit);
            return CookieOutcome.Shed;
        }
        TcpConnection? connection = NewConnection(destination, segment.DestinationPort, source, segment.SourcePort, cookie);
        if (connection is null)
            return CookieOutcome.Shed;
        _connections.Add(connection);
        Statistics.Increment(TcpCounter.PassiveOpens);
        Statistics.Increment(TcpCounter.SynCookiesAccepted);
        connection.StartFromCookie(segment, mss, now);
        listener.OnCookieEstablished(connection);
        if (connection.State != TcpState.Closed)
            connection.OnSegment(segment, now);
        return CookieOutcome.Accepted;
    }

    private enum CookieOutcome
    {
        NotACookie,
        Rejected,
        Accepted,
        // Valid, but dropped for want of room (counted where it was).
        Shed,
    }

    private void ResetUnknown(IPv4Address source, IPv4Address destination, in TcpSegment segment)
    {
        if (segment.Has(TcpFlags.Ack))
            SendReset(destination, source, segment.DestinationPort, segment.SourcePort, segment.AcknowledgmentNumber, 0, false);
        else
            SendReset(destination, source, segment.DestinationPort, segment.SourcePort, 0, segment.SequenceNumber + segment.SequenceLength, true);
    }

    internal void SendReset(IPv4Address local, IPv4Address remote, ushort localPort, ushort remotePort, uint seq, uint ack, bool withAck)
    {
        Span<byte> segment = _scratch;
        byte flags = withAck ? (byte)(TcpFlags.Rst | TcpFlags.Ack) : TcpFlags.Rst;
        int length = TcpSegment.WriteHeader(segment, localPort, remotePort, seq, ack, flags, 0, 0);
        Statistics.Increment(TcpCounter.ResetsSent);
        Transmit(local, remote, segment.Slice(0, length));
    }

    internal void Transmit(IPv4Address local, IPv4Address remote, Span<byte> segment)
    {
        NetworkOrder.WriteUInt16(segment.Slice(16), 0);
        NetworkOrder.WriteUInt16(segment.Slice(16), TcpSegment.Checksum(local, remote, segment));
        Statistics.Increment(TcpCounter.SegmentsSent);
        if (!_ip.SendIp(local, remote, 6, segment))
            Statistics.Increment(TcpCounter.SendFailed);
    }

    internal void Remove(TcpConnection connection) => _connections.Remove(connection);

    // At the connection limit under churn most entries are in TIME_WAIT: the one closest to
    // its end gives its slot to a new connection rather than the SYN being dropped. False
    // when none is in TIME_WAIT.
    private bool RecycleOldestTimeWait()
    {
        TcpConnection? oldest = null;
        for (int i = 0; i < _connections.Count; i++)
        {
            TcpConnection c = _connections[i];
            if (c.State == TcpState.TimeWait && (oldest is null || c.CloseDeadline < oldest.CloseDeadline))
                oldest = c;
        }
        if (oldest is null)
            return false;
        oldest.Recycle();
        Statistics.Increment(TcpCounter.TimeWaitRecycled);
        return true;
    }

    internal void RemoveListener(TcpListenerEndpoint listener) => _listeners.Remove(listener);

    private TcpConnection? Find(IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort)
    {
        for (int i = 0; i < _connections.Count; i++)
        {
            TcpConnection c = _connections[i];
            if (c.LocalPort == localPort && c.RemotePort == remotePort && c.RemoteAddress == remote && (c.LocalAddress == local || c.LocalAddress.IsAny))
                return c;
        }
        return null;
    }

    private TcpListenerEndpoint? FindListener(IPv4Address local, ushort port)
    {
        for (int i = 0; i < _listeners.Count; i++)
        {
            TcpListenerEndpoint l = _listeners[i];
            if (l.LocalPort == port && (l.LocalAddress.IsAny || l.LocalAddress == local))
                return l;
        }
        return null;
    }

    // Whether any listener, whatever its address, holds port.
    private bool HasListener(ushort port)
    {
        for (int i = 0; i < _listeners.Count; i++)
        {
            if (_listeners[i].LocalPort == port)
                return true;
        }
        return false;
    }

    // An ephemeral port free toward remote:remotePort, or 0 when every one is taken. RFC 6056's
    // first algorithm: a random start for every connection, so a port says nothing about the
    // next one.
    private ushort AllocatePort(IPv4Address remote, ushort remotePort)
    {
        const int Count = 65536 - FirstEphemeralPort;
        int start = (int)(_random.NextUInt32() % Count);
        for (int attempt = 0; attempt < Count; attempt++)
        {
            ushort port = (ushort)(FirstEphemeralPort + (start + attempt) % Count);
            if (!HasListener(port) && !PortInUse(port, remote, remotePort))
                return port;
        }
        return 0;
    }

    private bool PortInUse(ushort port, IPv4Address remote, ushort remotePort)
    {
        for (int i = 0; i < _connections.Count; i++)
        {
            TcpConnection c = _connections[i];
            if (c.LocalPort == port && c.RemotePort == remotePort && c.RemoteAddress == remote)
                return true;
        }
        return false;
    }
}
