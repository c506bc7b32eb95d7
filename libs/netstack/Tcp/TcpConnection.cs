using System;

namespace Uk.Net.Tcp;

// One TCP connection: RFC 793's state machine with RFC 6298 retransmission timing, NewReno
// congestion control, delayed ACKs, zero-window probes, keep-alive and RFC 5961's checks on
// RST and SYN. Not thread-safe: the stack's lock is held around every call.
public sealed partial class TcpConnection
{
    private const long Never = long.MaxValue;

    private readonly TcpLayer _layer;
    private readonly TcpOptions _options;
    private readonly ByteRing _send;
    private readonly ByteRing _receive;
    private bool _buffersReleased;
    private readonly OutOfOrderRanges _outOfOrder;
    private readonly RttEstimator _rtt;
    private NewReno _congestion;

    // Send sequence space: _sendUnacked <= _sendNext <= _sendMax; the send ring holds the
    // data bytes from the first unacknowledged one on.
    private uint _initialSend;
    private uint _sendUnacked;
    private uint _sendNext;
    private uint _sendMax;
    private int _sendWindow;
    private uint _windowUpdateSeq;
    private uint _windowUpdateAck;
    private int _mss;

    // RFC 7323 window scaling, both 0 unless both SYNs carried the option: the shift the peer
    // applies to the windows it sends (we shift its window fields left by it) and the one we
    // apply to ours.
    private bool _windowScalingAgreed;
    private int _sendScale;
    private int _receiveScale;

    private uint _receiveNext;
    private bool _finQueued;
    private bool _finAcked;
    private bool _remoteFinPending;
    private uint _remoteFinSeq;

    private bool _timing;
    private uint _timedSeq;
    private long _timedStart;
    private int _duplicateAcks;
    private int _retransmissions;
    private int _unackedSegments;
    private int _keepAliveProbes;
    private int _persistBackoff;

    private long _retransmitAt = Never;
    private long _delayedAckAt = Never;
    private long _closeAt = Never;
    private long _persistAt = Never;
    private long _keepAliveAt = Never;

    internal TcpConnection(TcpLayer layer, TcpOptions options, IPv4Address local, ushort localPort, IPv4Address remote, ushort remotePort, uint initialSequence)
    {
        _layer = layer;
        _options = options;
        LocalAddress = local;
        LocalPort = localPort;
        RemoteAddress = remote;
        RemotePort = remotePort;
        // Both rings' first storage (4 KiB each) now, when the SYN can still be dropped for
        // want of it: a reply that found no send storage later would wait for an ACK that
        // never comes, and a request that found no receive storage would cost a failed
        // allocation (a collection) per retransmission. Only growth past it is on demand.
        _send = new ByteRing(options.SendBuffer, firstStorage: true);
        _receive = new ByteRing(Math.Clamp(options.ReceiveBuffer, 1, MaxReceiveBuffer), firstStorage: true);
        _outOfOrder = new OutOfOrderRanges(options.OutOfOrderRanges);
        _rtt = new RttEstimator(options.InitialRto, options.MinRto, options.MaxRto);
        _mss = DefaultMss(layer);
        _congestion = new NewReno(_mss, options.InitialWindowSegments);
        _initialSend = initialSequence;
        _sendUnacked = initialSequence;
        _sendNext = initialSequence;
        _sendMax = initialSequence;
    }

    public TcpState State { get; private set; }

    public IPv4Address LocalAddress { get; }

    public ushort LocalPort { get; }

    public IPv4Address RemoteAddress { get; }

    public ushort RemotePort { get; }

    public TcpError Error { get; private set; }

    public bool IsReset => Error != TcpError.None;

    // The peer sent FIN and every byte before it has been received.
    public bool RemoteClosed { get; private set; }

    public int Available => _receive.Count;

    // Room in the send buffer; 0 once this side closed or the connection ended.
    public int SendSpace => CanQueueData ? Math.Min(_send.Writable, Math.Max(0, SendLimit - _send.Count)) : 0;

    // What the send buffer holds at most now: twice what the congestion window lets into
    // flight (at least MinSendLimit), up to the configured size. A transfer that flows grows
    // its window and with it the buffer; a peer that stops reading (an abandoned download)
    // leaves a connection holding a window's worth, not the whole buffer, as with Linux's
    // send buffer tuning.
    private int SendLimit => Math.Min(_send.Capacity, Math.Max(MinSendLimit, 2 * _congestion.Window));

    private const int MinSendLimit = 16 * 1024;

    public int MaxSegmentSize => _mss;

    public int CongestionWindow => _congestion.Window;

    public long RetransmissionTimeout => _rtt.Timeout;

    public long SmoothedRtt => _rtt.Smoothed;

    // Sequence space sent and not yet acknowledged.
    internal int BytesInFlight => (int)(_sendMax - _sendUnacked);

    // Bytes of ring storage allocated now (the rings grow on demand).
    internal int BufferBytesAllocated => _send.Allocated + _receive.Allocated;

    // False once the send and receive rings went back (TIME_WAIT, or closed and read out).
    public bool HoldsBuffers => !_buffersReleased;

    // When TIME_WAIT (or FIN_WAIT_2's wait) ends.
    internal long CloseDeadline => _closeAt;

    internal uint ReceiveNext => _receiveNext;

    // Bytes queued and not yet acknowledged by the peer.
    public int Unacknowledged => _send.Count;

    // Readable, writable or state changed; runs with the stack's lock held, so it only signals.
    public Action<TcpConnection>? Changed { get; set; }

    internal TcpListenerEndpoint? Listener { get; set; }

    private bool CanQueueData => !_finQueued && !IsReset
        && (State == TcpState.Established || State == TcpState.CloseWait || State == TcpState.SynSent || State == TcpState.SynReceived);

    private bool IsSynchronized => State >= TcpState.Established;

    // The largest window a 16-bit field shifted by 14 can name (RFC 7323 2.3).
    private const int MaxReceiveBuffer = 65535 << TcpSegment.MaxWindowScale;

    // Room we offer, in bytes: what the receive ring can still take, up to what the window
    // field can carry at our shift.
    private int ReceiveWindow => Math.Min(_receive.Free, 65535 << _receiveScale);

    // The window field of an outgoing segment: a SYN's is never scaled (RFC 7323 2.2).
    private ushort AdvertisedWindow(bool syn) => (ushort)(syn ? Math.Min(ReceiveWindow, 65535) : ReceiveWindow >> _receiveScale);

    // The shift we offer: the smallest that lets the window field name the whole receive ring.
    internal static int WindowScaleFor(int receiveBuffer)
    {
        int shift = 0;
        while (shift < TcpSegment.MaxWindowScale && receiveBuffer >> shift > 65535)
            shift++;
        return shift;
    }

    // The peer's window in bytes: shifted by its scale, except on a SYN.
    private int PeerWindow(in TcpSegment segment) => segment.Has(TcpFlags.Syn) ? segment.Window : segment.Window << _sendScale;

    // Takes what the peer's SYN (or SYN-ACK) offered: scaling is on only when we offer it too.
    private void ApplyPeerSynOptions(in TcpSegment syn, long now)
    {
        ApplyPeerTimestamps(syn, now);
        ApplyPeerSack(syn);
        if (_options.WindowScaling && syn.HasWindowScale)
        {
            _windowScalingAgreed = true;
            _sendScale = syn.WindowScale;
            _receiveScale = WindowScaleFor(_receive.Capacity);
        }
    }

    // Whether a SYN from us carries the window scale option: always on an active open, on a
    // SYN-ACK only when the peer's SYN had it (RFC 7323 2.2).
    private bool OffersWindowScale => _options.WindowScaling && (State == TcpState.SynSent || _windowScalingAgreed);

    public bool WindowScalingEnabled => _windowScalingAgreed;

    // The shifts in use (0 without window scaling): the peer's and ours.
    public int PeerWindowScale => _sendScale;

    public int LocalWindowScale => _receiveScale;

    // The peer's current window, in bytes.
    public int PeerWindowBytes => _sendWindow;

    internal long NextDeadline
    {
        get
        {
            long next = _retransmitAt;
            if (_delayedAckAt < next)
                next = _delayedAckAt;
            if (_closeAt < next)
                next = _closeAt;
            if (_persistAt < next)
                next = _persistAt;
            if (_keepAliveAt < next)
                next = _keepAliveAt;
            return next;
        }
    }

    public int Send(ReadOnlySpan<byte> data, long now)
    {
        if (!CanQueueData)
            return 0;
        int written = _send.Write(data.Slice(0, Math.Min(data.Length, Math.Max(0, SendLimit - _send.Count))));
        if (IsSynchronized)
            Output(now, false);
        return written;
    }

    public int Receive(Span<byte> buffer, long now)
    {
        int windowBefore = ReceiveWindow;
        int read = _receive.Read(buffer);
        if (read > 0 && (State == TcpState.TimeWait || State == TcpState.Closed))
            ReleaseBuffersIfDone();
        // Tell a sender that stalled on a small window that room opened up.
        if (read > 0 && IsSynchronized && State != TcpState.TimeWait
            && windowBefore < 2 * _mss && ReceiveWindow >= 2 * _mss)
            SendAck(now);
        return read;
    }

    // Copies what Receive would return without taking it (MSG_PEEK).
    public int Peek(Span<byte> buffer) => _receive.Peek(0, buffer);

    public void Close(long now)
    {
        switch (State)
        {
            case TcpState.Closed:
            case TcpState.Listen:
            case TcpState.SynSent:
                EnterClosed(TcpError.None);
                return;
            case TcpState.SynReceived:
            case TcpState.Established:
                _finQueued = true;
                SetState(TcpState.FinWait1);
                Output(now, false);
                return;
            case TcpState.CloseWait:
                _finQueued = true;
                SetState(TcpState.LastAck);
                Output(now, false);
                return;
            default:
                return;
        }
    }

    public void Abort(long now) => AbortWith(TcpError.Aborted);

    // Ends TIME_WAIT early, silently: the layer needs the slot or the 4-tuple for a new
    // connection (RFC 6191's reasoning: the new SYN's sequence number is past the old one's).
    internal void Recycle()
    {
        EnterClosed(TcpError.None);
        Notify();
    }

    // RST to the peer, then closed with the given reason (so Changed already sees it).
    private void AbortWith(TcpError error)
    {
        if (State == TcpState.Closed)
            return;
        if (State != TcpState.SynSent && State != TcpState.Listen && State != TcpState.TimeWait)
            SendControl(_sendNext, _receiveNext, TcpFlags.Rst | TcpFlags.Ack, _layer.LastNow);
        EnterClosed(error);
        Notify();
    }

    internal void StartActiveOpen(long now)
    {
        SetState(TcpState.SynSent);
        SendSyn(now);
    }

    internal void StartPassiveOpen(in TcpSegment syn, long now)
    {
        _receiveNext = syn.SequenceNumber + 1;
        ApplyPeerMss(syn.MaxSegmentSize);
        ApplyPeerSynOptions(syn, now);
        _sendWindow = syn.Window;
        _windowUpdateSeq = syn.SequenceNumber;
        SetState(TcpState.SynReceived);
        SendSyn(now);
    }

    // Established at once by the ACK that returned a SYN cookie: the SYN-ACK was the cookie
    // (this connection's initial sequence number), the ACK's sequence number is where the
    // peer's data starts, and mss is what the cookie kept of the peer's.
    internal void StartFromCookie(in TcpSegment ack, int mss, long now)
    {
        _receiveNext = ack.SequenceNumber;
        ApplyPeerMss((ushort)mss);
        _sendUnacked = _sendNext = _sendMax = ack.AcknowledgmentNumber;
        // No window scaling: the cookie's SYN-ACK did not offer it (see TcpLayer.SendCookie).
        _sendWindow = ack.Window;
        _windowUpdateSeq = ack.SequenceNumber;
        _windowUpdateAck = ack.AcknowledgmentNumber;
        SetState(TcpState.Established);
        _layer.Statistics.Increment(TcpCounter.ConnectionsEstablished);
        RestartKeepAlive(now);
    }

    internal static int DefaultMss(TcpLayer layer) => Math.Max(64, layer.MaxPayload - TcpSegment.HeaderLength);

    private void ApplyPeerMss(ushort peerMss)
    {
        // RFC 9293: a peer that names no MSS takes 536.
        int peer = peerMss == 0 ? 536 : peerMss;
        _mss = Math.Max(64, Math.Min(DefaultMss(_layer), peer));
        _congestion = new NewReno(_mss, _options.InitialWindowSegments);
    }

    private void SetState(TcpState state) => State = state;

    private void EnterClosed(TcpError error)
    {
        if (error != TcpError.None && Error == TcpError.None)
            Error = error;
        bool wasHalfOpen = State == TcpState.SynReceived;
        State = TcpState.Closed;
        _retransmitAt = _delayedAckAt = _closeAt = _persistAt = _keepAliveAt = Never;
        ReleaseBuffersIfDone();
        if (wasHalfOpen && Listener is not null)
        {
            Listener.OnHandshakeFailed();
            Listener = null;
        }
        _layer.Remove(this);
    }

    // Under churn most connections sit in TIME_WAIT or wait for the application to drop its
    // socket: neither needs the rings, which are most of a connection's memory. Nothing more
    // is sent then (the FIN was acknowledged, or the connection is gone); bytes received and
    // not yet read stay until the application reads them.
    private void ReleaseBuffersIfDone()
    {
        if (_buffersReleased)
            return;
        _send.Release();
        if (_receive.Count > 0)
            return;
        _receive.Release();
        _buffersReleased = true;
    }

    private void Notify() => Changed?.Invoke(this);
}
