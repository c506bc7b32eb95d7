using System;

namespace Uk.Net.Tcp;

// The sending half: segments from the send ring within the congestion and peer windows,
// control segments, and the timers (retransmission, delayed ACK, persist, keep-alive,
// TIME_WAIT / FIN_WAIT_2).
public sealed partial class TcpConnection
{
    // Sends what the windows allow; forceAck sends a bare ACK when no data went out.
    private void Output(long now, bool forceAck)
    {
        if (!IsSynchronized || State == TcpState.TimeWait)
        {
            if (forceAck && State == TcpState.TimeWait)
                SendAck(now);
            return;
        }
        bool sent = false;
        while (true)
        {
            int offset = (int)(_sendNext - _sendUnacked);
            int unsent = _send.Count - offset;
            // The congestion window bounds what is really in flight (the pipe, which SACK can
            // tell apart from what was sent); the peer's window bounds the sequence space.
            int room = Math.Min(_congestion.Window - Pipe(), _sendWindow - offset);
            int length = Math.Min(MaxSegmentData, Math.Min(unsent, room));
            bool finNow = _finQueued && !_finAcked && offset + Math.Max(length, 0) == _send.Count && offset <= _send.Count;
            if (length <= 0)
            {
                // The FIN follows the last byte and needs no window.
                if (finNow && unsent == 0)
                {
                    SendData(_sendNext, 0, TcpFlags.Fin | TcpFlags.Ack, now);
                    _sendNext++;
                    TrackSent(now);
                    sent = true;
                }
                break;
            }
            byte flags = TcpFlags.Ack | TcpFlags.Psh;
            if (finNow)
                flags |= TcpFlags.Fin;
            SendData(_sendNext, length, flags, now);
            _sendNext += (uint)length + (finNow ? 1u : 0u);
            TrackSent(now);
            sent = true;
            if (finNow)
                break;
        }
        if (!sent && forceAck)
            SendAck(now);
        ArmPersistIfStalled(now);
    }

    private void TrackSent(long now)
    {
        if (Seq.Gt(_sendNext, _sendMax))
            _sendMax = _sendNext;
        if (_retransmitAt == Never)
            _retransmitAt = now + _rtt.Timeout;
    }

    // A zero window with data waiting and nothing in flight: nothing will arrive to reopen it
    // unless we ask, so probe.
    private void ArmPersistIfStalled(long now)
    {
        bool stalled = _sendWindow == 0 && _sendNext == _sendUnacked && _send.Count > (int)(_sendNext - _sendUnacked);
        if (!stalled)
        {
            _persistAt = Never;
            _persistBackoff = 0;
        }
        else if (_persistAt == Never)
            _persistAt = now + Math.Min(_options.MaxRto, _rtt.BaseTimeout << Math.Min(_persistBackoff, 16));
    }

    // A data segment of length bytes from the ring at sequence number seq (timed if it is
    // the first send of that number).
    private void SendData(uint seq, int length, byte flags, long now)
    {
        int offset = (int)(seq - _sendUnacked);
        Span<byte> segment = _layer.Scratch;
        int header = WriteHeader(segment, seq, _receiveNext, flags, now);
        int copied = length > 0 ? _send.Peek(offset, segment.Slice(header, length)) : 0;
        if (!_timing && Seq.Ge(seq, _sendMax))
        {
            _timing = true;
            _timedSeq = seq;
            _timedStart = now;
        }
        Transmit(segment.Slice(0, header + copied));
    }

    private void SendSyn(long now)
    {
        byte flags = State == TcpState.SynReceived ? (byte)(TcpFlags.Syn | TcpFlags.Ack) : TcpFlags.Syn;
        Span<byte> segment = _layer.Scratch;
        var options = new TcpOptionWriter(segment);
        options.MaxSegmentSize((ushort)DefaultMss(_layer));
        if (OffersWindowScale)
            options.WindowScale(WindowScaleFor(_receive.Capacity));
        WriteSynTimestamps(ref options, now);
        if (OffersSack)
            options.SackPermitted();
        int length = TcpSegment.WriteHeaderAroundOptions(segment, LocalPort, RemotePort, _initialSend, _receiveNext, flags, AdvertisedWindow(true), options.Length);
        if (!_timing && _retransmissions == 0)
        {
            _timing = true;
            _timedSeq = _initialSend;
            _timedStart = now;
        }
        Transmit(segment.Slice(0, length));
        _sendNext = _initialSend + 1;
        if (Seq.Gt(_sendNext, _sendMax))
            _sendMax = _sendNext;
        _retransmitAt = now + _rtt.Timeout;
    }

    // At the highest number sent: after a timeout rewinds _sendNext, a lower number would fall
    // left of the peer's window and the ACK would be thrown away with it.
    private void SendAck(long now) => SendControl(_sendMax, _receiveNext, TcpFlags.Ack, now);

    private void SendControl(uint seq, uint ack, byte flags, long now)
    {
        Span<byte> segment = _layer.Scratch;
        int length = WriteHeader(segment, seq, ack, flags, now);
        Transmit(segment.Slice(0, length));
    }

    // The header of a synchronized segment (not a SYN) with the options every such segment
    // carries; returns its length.
    private int WriteHeader(Span<byte> segment, uint seq, uint ack, byte flags, long now)
    {
        var options = new TcpOptionWriter(segment);
        WriteTimestamps(ref options, flags, now);
        WriteSackBlocks(ref options, flags);
        return TcpSegment.WriteHeaderAroundOptions(segment, LocalPort, RemotePort, seq, ack, flags, AdvertisedWindow(false), options.Length);
    }

    // Data bytes a segment can carry: the MSS less the options every segment carries now
    // (RFC 6691: the MSS counts no option bytes).
    private int MaxSegmentData => Math.Max(1, _mss - TimestampOptionBytes - SackOptionBytes);

    private void Transmit(Span<byte> segment)
    {
        NoteAckSent(segment);
        if ((segment[13] & TcpFlags.Ack) != 0)
        {
            _delayedAckAt = Never;
            _unackedSegments = 0;
        }
        _layer.Transmit(LocalAddress, RemoteAddress, segment);
    }

    internal void OnTick(long now)
    {
        if (now >= _closeAt)
        {
            // TIME_WAIT ran out, or FIN_WAIT_2 waited long enough for a FIN that never came.
            EnterClosed(State == TcpState.TimeWait ? TcpError.None : TcpError.TimedOut);
            Notify();
            return;
        }
        if (now >= _retransmitAt)
            OnRetransmitTimeout(now);
        if (State == TcpState.Closed)
            return;
        if (now >= _delayedAckAt)
        {
            _layer.Statistics.Increment(TcpCounter.DelayedAcks);
            SendAck(now);
        }
        if (now >= _persistAt)
            OnPersistTimeout(now);
        if (now >= _keepAliveAt)
            OnKeepAliveTimeout(now);
    }

    private void OnRetransmitTimeout(long now)
    {
        _retransmitAt = Never;
        if (_sendUnacked == _sendMax && State != TcpState.SynSent && State != TcpState.SynReceived)
            return;
        if (++_retransmissions > _options.MaxRetransmissions)
        {
            _layer.Statistics.Increment(TcpCounter.ConnectionsTimedOut);
            AbortWith(TcpError.TimedOut);
            return;
        }
        _layer.Statistics.Increment(TcpCounter.Timeouts);
        _layer.Statistics.Increment(TcpCounter.Retransmissions);
        _timing = false;
        _rtt.Backoff();
        _duplicateAcks = 0;
        if (State == TcpState.SynSent || State == TcpState.SynReceived)
        {
            SendSyn(now);
            return;
        }
        _congestion.OnTimeout((int)(_sendMax - _sendUnacked));
        ForgetScoreboard();
        // Go back to the oldest unacknowledged byte; ACKs for later data still count.
        _sendNext = _sendUnacked;
        Output(now, false);
        if (_retransmitAt == Never && _sendUnacked != _sendMax)
            _retransmitAt = now + _rtt.Timeout;
    }

    private void OnPersistTimeout(long now)
    {
        _persistAt = Never;
        _persistBackoff++;
        _layer.Statistics.Increment(TcpCounter.ZeroWindowProbes);
        // An already-acknowledged sequence number: the peer answers with an ACK that carries
        // its current window, and no byte ever lands beyond what we track as sent.
        SendControl(_sendUnacked - 1, _receiveNext, TcpFlags.Ack, now);
        ArmPersistIfStalled(now);
    }

    private void OnKeepAliveTimeout(long now)
    {
        if (_keepAliveProbes >= _options.KeepAliveProbes)
        {
            _layer.Statistics.Increment(TcpCounter.ConnectionsTimedOut);
            AbortWith(TcpError.TimedOut);
            return;
        }
        _keepAliveProbes++;
        _layer.Statistics.Increment(TcpCounter.KeepAliveProbes);
        // An already-acknowledged sequence number makes the peer answer with an ACK.
        SendControl(_sendUnacked - 1, _receiveNext, TcpFlags.Ack, now);
        _keepAliveAt = now + _options.KeepAliveInterval;
    }

    private void RestartKeepAlive(long now)
    {
        _keepAliveProbes = 0;
        _keepAliveAt = _options.KeepAliveIdle > 0 && State == TcpState.Established ? now + _options.KeepAliveIdle : Never;
    }
}
