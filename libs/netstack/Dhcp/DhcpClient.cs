using System;

namespace Uk.Net;

// The client side of DHCP: DISCOVER, OFFER, REQUEST, ACK; renewal with the server at T1,
// with anyone at T2, and starting over when the lease runs out or a NAK arrives. Messages
// that go unanswered are resent after 1, 2, 4, 8, then every 16 seconds.
public sealed class DhcpClient : INetTimer
{
    public const ushort ClientPort = 68;
    public const ushort ServerPort = 67;
    private const long FirstRetry = NetStackOptions.Second;
    private const long LongestRetry = 16 * NetStackOptions.Second;
    private const int RequestAttempts = 4;

    private readonly NetStack _stack;
    private readonly UdpEndpoint _endpoint;
    // Replies may exceed the 576 bytes every client must accept; a frame is the real bound.
    private readonly byte[] _buffer = new byte[1500];
    private uint _xid;
    private long _started;
    private long _nextSend;
    private long _retryDelay;
    private int _attempts;
    private IPv4Address _offered;
    private IPv4Address _server;
    private long _renewAt;
    private long _rebindAt;
    private long _expiresAt;

    public DhcpClient(NetStack stack)
    {
        _stack = stack;
        _endpoint = stack.OpenUdp(ClientPort);
        _endpoint.Changed = OnDatagram;
        stack.AddTimer(this);
    }

    public DhcpState State { get; private set; }

    // Leases acquired (the first and every renewal).
    public int Leases { get; private set; }

    public uint LeaseSeconds { get; private set; }

    public IPv4Address Server => _server;

    // Runs when a lease is obtained or renewed (under the network lock; signal only).
    public Action? Bound { get; set; }

    public void Start(long now)
    {
        State = DhcpState.Selecting;
        _started = now;
        _xid = _stack.Random.NextUInt32();
        _attempts = 0;
        _retryDelay = FirstRetry;
        SendCurrent(now);
    }

    public long NextDeadline => State switch
    {
        DhcpState.Stopped => long.MaxValue,
        DhcpState.Bound => _renewAt,
        _ => _nextSend,
    };

    public void Tick(long now)
    {
        switch (State)
        {
            case DhcpState.Bound:
                if (now >= _renewAt)
                    Enter(DhcpState.Renewing, now);
                return;
            case DhcpState.Renewing:
            case DhcpState.Rebinding:
                if (now >= _expiresAt)
                {
                    _stack.Unconfigure();
                    Start(now);
                    return;
                }
                if (State == DhcpState.Renewing && now >= _rebindAt)
                {
                    Enter(DhcpState.Rebinding, now);
                    return;
                }
                break;
        }
        if (State == DhcpState.Stopped || now < _nextSend)
            return;
        if (State == DhcpState.Requesting && _attempts >= RequestAttempts)
        {
            Start(now);
            return;
        }
        SendCurrent(now);
    }

    private void Enter(DhcpState state, long now)
    {
        State = state;
        _xid = _stack.Random.NextUInt32();
        _attempts = 0;
        _retryDelay = FirstRetry;
        SendCurrent(now);
    }

    private void SendCurrent(long now)
    {
        ushort seconds = (ushort)Math.Min(0xFFFF, (now - _started) / NetStackOptions.Second);
        int length;
        IPv4Address to = IPv4Address.Broadcast;
        switch (State)
        {
            case DhcpState.Selecting:
                length = DhcpMessage.Write(_buffer, DhcpMessage.Discover, _xid, _stack.Mac, seconds, default, default, default);
                break;
            case DhcpState.Requesting:
                length = DhcpMessage.Write(_buffer, DhcpMessage.Request, _xid, _stack.Mac, seconds, default, _offered, _server);
                break;
            case DhcpState.Renewing:
                length = DhcpMessage.Write(_buffer, DhcpMessage.Request, _xid, _stack.Mac, seconds, _stack.Address, default, default);
                to = _server;
                break;
            default:
                length = DhcpMessage.Write(_buffer, DhcpMessage.Request, _xid, _stack.Mac, seconds, _stack.Address, default, default);
                break;
        }
        if (_endpoint.Send(to, ServerPort, new ReadOnlySpan<byte>(_buffer, 0, length)))
            _stack.Statistics.Increment(NetCounter.DhcpSent);
        _attempts++;
        _nextSend = now + _retryDelay;
        _retryDelay = Math.Min(_retryDelay * 2, LongestRetry);
        // While renewing never wait past the point where the next phase starts.
        if (State == DhcpState.Renewing)
            _nextSend = Math.Min(_nextSend, _rebindAt);
        else if (State == DhcpState.Rebinding)
            _nextSend = Math.Min(_nextSend, _expiresAt);
    }

    private void OnDatagram()
    {
        while (_endpoint.TryReceive(_buffer, out int length, out IPv4Address from, out ushort fromPort))
        {
            _stack.Statistics.Increment(NetCounter.DhcpReceived);
            if (fromPort != ServerPort || length > _buffer.Length
                || !DhcpMessage.TryParse(new ReadOnlySpan<byte>(_buffer, 0, length), _stack.Mac, out DhcpMessage message)
                || message.TransactionId != _xid)
            {
                _stack.Statistics.Increment(NetCounter.DhcpRejected);
                continue;
            }
            Handle(message, _stack.Now);
        }
    }

    private void Handle(in DhcpMessage message, long now)
    {
        if (State == DhcpState.Selecting && message.Type == DhcpMessage.Offer && !message.YourAddress.IsAny && !message.ServerId.IsAny)
        {
            _offered = message.YourAddress;
            _server = message.ServerId;
            State = DhcpState.Requesting;
            _attempts = 0;
            _retryDelay = FirstRetry;
            SendCurrent(now);
            return;
        }
        bool waitingForAck = State == DhcpState.Requesting || State == DhcpState.Renewing || State == DhcpState.Rebinding;
        if (!waitingForAck)
        {
            _stack.Statistics.Increment(NetCounter.DhcpRejected);
            return;
        }
        if (message.Type == DhcpMessage.Nak)
        {
            _stack.Unconfigure();
            Start(now);
            return;
        }
        if (message.Type != DhcpMessage.Ack || message.YourAddress.IsAny)
        {
            _stack.Statistics.Increment(NetCounter.DhcpRejected);
            return;
        }
        Apply(message, now);
    }

    private void Apply(in DhcpMessage message, long now)
    {
        if (!message.ServerId.IsAny)
            _server = message.ServerId;
        IPv4Address mask = message.SubnetMask.IsAny ? DefaultMask(message.YourAddress) : message.SubnetMask;
        _stack.Configure(message.YourAddress, mask, message.Router, message.Dns);
        LeaseSeconds = message.LeaseSeconds == 0 ? 3600 : message.LeaseSeconds;
        State = DhcpState.Bound;
        Leases++;
        if (LeaseSeconds == 0xFFFF_FFFF)
        {
            _renewAt = _rebindAt = _expiresAt = long.MaxValue;
        }
        else
        {
            long lease = LeaseSeconds * NetStackOptions.Second;
            long t1 = message.RenewalSeconds != 0 ? message.RenewalSeconds * NetStackOptions.Second : lease / 2;
            long t2 = message.RebindingSeconds != 0 ? message.RebindingSeconds * NetStackOptions.Second : lease / 8 * 7;
            _renewAt = now + Math.Min(t1, lease);
            _rebindAt = now + Math.Max(Math.Min(t2, lease), Math.Min(t1, lease));
            _expiresAt = now + lease;
        }
        Bound?.Invoke();
    }

    // The classful mask, for the rare server that sends no subnet mask option.
    private static IPv4Address DefaultMask(IPv4Address address)
    {
        uint first = address.Value >> 24;
        if (first < 128)
            return new IPv4Address(0xFF00_0000U);
        return first < 192 ? new IPv4Address(0xFFFF_0000U) : new IPv4Address(0xFFFF_FF00U);
    }

    public void Stop()
    {
        State = DhcpState.Stopped;
    }
}
