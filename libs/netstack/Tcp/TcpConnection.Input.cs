using System;

namespace Uk.Net.Tcp;

// The receiving half: RFC 793's "segment arrives" in order — acceptability, RST, SYN, ACK,
// data, FIN — with RFC 5961's challenge ACKs for RST and SYN that are in the window but not
// exactly where expected.
public sealed partial class TcpConnection
{
    internal void OnSegment(in TcpSegment segment, long now)
    {
        switch (State)
        {
            case TcpState.SynSent:
                OnSegmentInSynSent(segment, now);
                break;
            case TcpState.Closed:
            case TcpState.Listen:
                break;
            default:
                OnSegmentSynchronized(segment, now);
                break;
        }
        Notify();
    }

    private void OnSegmentInSynSent(in TcpSegment segment, long now)
    {
        bool hasAck = segment.Has(TcpFlags.Ack);
        if (hasAck && (Seq.Le(segment.AcknowledgmentNumber, _initialSend) || Seq.Gt(segment.AcknowledgmentNumber, _sendMax)))
        {
            if (!segment.Has(TcpFlags.Rst))
                _layer.SendReset(LocalAddress, RemoteAddress, LocalPort, RemotePort, segment.AcknowledgmentNumber, 0, false);
            _layer.Statistics.Increment(TcpCounter.DropOutOfWindow);
            return;
        }
        if (segment.Has(TcpFlags.Rst))
        {
            if (hasAck)
            {
                _layer.Statistics.Increment(TcpCounter.ConnectionsReset);
                EnterClosed(TcpError.Refused);
            }
            return;
        }
        if (!segment.Has(TcpFlags.Syn))
        {
            _layer.Statistics.Increment(TcpCounter.DropUnexpectedFlags);
            return;
        }
        _receiveNext = segment.SequenceNumber + 1;
        ApplyPeerMss(segment.MaxSegmentSize);
        ApplyPeerSynOptions(segment, now);
        _windowUpdateSeq = segment.SequenceNumber;
        _windowUpdateAck = segment.AcknowledgmentNumber;
        _sendWindow = segment.Window;
        if (hasAck)
        {
            AcknowledgeSyn(segment.AcknowledgmentNumber, now);
            SetState(TcpState.Established);
            _layer.Statistics.Increment(TcpCounter.ConnectionsEstablished);
            RestartKeepAlive(now);
            Output(now, true);
        }
        else
        {
            // Simultaneous open: both sides sent SYN.
            SetState(TcpState.SynReceived);
            _retransmissions = 0;
            SendSyn(now);
        }
    }

    private void AcknowledgeSyn(uint ack, long now)
    {
        if (_timing && Seq.Gt(ack, _timedSeq))
            _rtt.Sample(now - _timedStart);
        _timing = false;
        _sendUnacked = ack;
        _sendNext = ack;
        _retransmissions = 0;
        _rtt.ResetBackoff();
        _retransmitAt = Never;
    }

    private void OnSegmentSynchronized(in TcpSegment segment, long now)
    {
        TcpStatistics statistics = _layer.Statistics;
        if (FailsPaws(segment, now))
        {
            statistics.Increment(TcpCounter.DropPaws);
            SendAck(now);
            return;
        }
        if (!IsAcceptable(segment))
        {
            statistics.Increment(TcpCounter.DropOutOfWindow);
            if (segment.Has(TcpFlags.Rst))
                return;
            // A retransmission of data we already have still carries a current ACK; without
            // it two sides that both rewound after timeouts would ignore each other.
            bool oldDuplicate = Seq.Le(segment.SequenceNumber + segment.SequenceLength, _receiveNext);
            if (oldDuplicate && segment.Has(TcpFlags.Ack) && State != TcpState.SynReceived && !segment.Has(TcpFlags.Syn))
            {
                if (!ProcessAck(segment, now))
                    return;
            }
            SendAck(now);
            return;
        }
        RecordTimestamp(segment, now);
        if (segment.Has(TcpFlags.Rst))
        {
            if (segment.SequenceNumber == _receiveNext)
            {
                statistics.Increment(TcpCounter.ConnectionsReset);
                EnterClosed(State == TcpState.SynReceived && Listener is not null ? TcpError.Refused : TcpError.Reset);
            }
            else
            {
                statistics.Increment(TcpCounter.ChallengeAcks);
                SendAck(now);
            }
            return;
        }
        if (segment.Has(TcpFlags.Syn))
        {
            // A SYN inside a synchronized connection is never honoured blindly (RFC 5961 4).
            statistics.Increment(TcpCounter.ChallengeAcks);
            SendAck(now);
            return;
        }
        if (!segment.Has(TcpFlags.Ack))
        {
            statistics.Increment(TcpCounter.DropUnexpectedFlags);
            return;
        }
        if (State == TcpState.SynReceived)
        {
            if (Seq.Le(segment.AcknowledgmentNumber, _initialSend) || Seq.Gt(segment.AcknowledgmentNumber, _sendMax))
            {
                _layer.SendReset(LocalAddress, RemoteAddress, LocalPort, RemotePort, segment.AcknowledgmentNumber, 0, false);
                return;
            }
            AcknowledgeSyn(segment.AcknowledgmentNumber, now);
            _sendWindow = PeerWindow(segment);
            _windowUpdateSeq = segment.SequenceNumber;
            _windowUpdateAck = segment.AcknowledgmentNumber;
            SetState(TcpState.Established);
            statistics.Increment(TcpCounter.ConnectionsEstablished);
            RestartKeepAlive(now);
            TcpListenerEndpoint? listener = Listener;
            Listener = null;
            listener?.OnEstablished(this);
            if (State == TcpState.Closed)
                return;
        }
        if (!ProcessAck(segment, now))
            return;
        if (State == TcpState.TimeWait)
        {
            // A retransmitted FIN: our last ACK was lost. Answer and wait again.
            if (segment.Has(TcpFlags.Fin))
            {
                SendAck(now);
                _closeAt = now + _options.TimeWait;
            }
            return;
        }
        RestartKeepAlive(now);
        ProcessData(segment, now);
        if (State != TcpState.Closed)
            Output(now, false);
    }

    // RFC 793's acceptability test: some of the segment falls inside the receive window (an
    // empty segment at its left edge when the window is zero).
    private bool IsAcceptable(in TcpSegment segment)
    {
        uint length = segment.SequenceLength;
        uint window = (uint)ReceiveWindow;
        uint seq = segment.SequenceNumber;
        if (length == 0)
            return window == 0 ? seq == _receiveNext : Seq.InWindow(seq, _receiveNext, window);
        if (window == 0)
            return false;
        return Seq.InWindow(seq, _receiveNext, window) || Seq.InWindow(seq + length - 1, _receiveNext, window);
    }

    // False when the segment must go no further (an ACK for data never sent, or the
    // connection closed by it).
    private bool ProcessAck(in TcpSegment segment, long now)
    {
        uint ack = segment.AcknowledgmentNumber;
        if (Seq.Gt(ack, _sendMax))
        {
            _layer.Statistics.Increment(TcpCounter.DropAckTooNew);
            SendAck(now);
            return false;
        }
        RecordSackBlocks(segment, ack);
        int peerWindow = PeerWindow(segment);
        bool windowChanged = peerWindow != _sendWindow;
        if (Seq.Lt(_windowUpdateSeq, segment.SequenceNumber)
            || _windowUpdateSeq == segment.SequenceNumber && Seq.Le(_windowUpdateAck, ack))
        {
            _sendWindow = peerWindow;
            _windowUpdateSeq = segment.SequenceNumber;
            _windowUpdateAck = ack;
        }
        if (ack == _sendUnacked)
        {
            bool outstanding = _sendMax != _sendUnacked;
            if (outstanding && segment.Payload.Length == 0 && !windowChanged && !segment.Has(TcpFlags.Fin))
                OnDuplicateAck(now);
            return true;
        }
        if (Seq.Lt(ack, _sendUnacked))
            return true;
        OnNewAck(segment, ack, now);
        return State != TcpState.Closed;
    }

    private void OnDuplicateAck(long now)
    {
        _layer.Statistics.Increment(TcpCounter.DuplicateAcks);
        _duplicateAcks++;
        if (_duplicateAcks == 3)
        {
            if (_congestion.OnTripleDuplicate((int)(_sendMax - _sendUnacked), _sendMax))
            {
                _layer.Statistics.Increment(TcpCounter.FastRetransmissions);
                _layer.Statistics.Increment(TcpCounter.Retransmissions);
                _highRetransmitted = _sendUnacked;
                RetransmitFirst(now);
                if (_sackAgreed)
                    RetransmitHoles(now);
            }
        }
        else if (_duplicateAcks > 3)
        {
            _congestion.OnExtraDuplicate();
            if (_sackAgreed && _congestion.InRecovery)
                RetransmitHoles(now);
            else
                Output(now, false);
        }
    }

    private void RetransmitFirst(long now)
    {
        _timing = false;
        int length = Math.Min(MaxSegmentData, _send.Count);
        bool fin = _finQueued && length == _send.Count && Seq.Gt(_sendMax, _sendUnacked + (uint)length);
        if (length == 0 && !fin)
            return;
        SendData(_sendUnacked, length, (byte)(TcpFlags.Ack | (fin ? TcpFlags.Fin : 0)), now);
        if (Seq.Gt(_sendUnacked + (uint)length, _highRetransmitted))
            _highRetransmitted = _sendUnacked + (uint)length;
        _retransmitAt = now + _rtt.Timeout;
    }

    private void OnNewAck(in TcpSegment segment, uint ack, long now)
    {
        int acked = (int)(ack - _sendUnacked);
        int dataAcked = Math.Min(acked, _send.Count);
        if (_finQueued && acked > _send.Count)
            _finAcked = true;
        _send.Discard(dataAcked);
        _scoreboard?.Acknowledge(acked);
        _sendUnacked = ack;
        if (Seq.Lt(_sendNext, ack))
            _sendNext = ack;
        if (SampleRttFromEcho(segment, ack, now))
            _timing = false;
        else if (_timing && Seq.Gt(ack, _timedSeq))
        {
            _rtt.Sample(now - _timedStart);
            _timing = false;
        }
        _rtt.ResetBackoff();
        _retransmissions = 0;
        _duplicateAcks = 0;
        bool wasRecovering = _congestion.InRecovery;
        _congestion.OnNewAck(dataAcked, ack);
        if (wasRecovering && _congestion.InRecovery)
        {
            // A partial ACK: with SACK the scoreboard says which holes are left (and which
            // were already resent); without it the next segment is the one lost.
            if (_scoreboard is not null && !_scoreboard.IsEmpty)
                RetransmitHoles(now);
            else
                RetransmitFirst(now);
        }
        _retransmitAt = _sendUnacked == _sendMax ? Never : now + _rtt.Timeout;
        if (_finAcked)
            OnFinAcknowledged(now);
    }

    private void OnFinAcknowledged(long now)
    {
        switch (State)
        {
            case TcpState.FinWait1:
                SetState(TcpState.FinWait2);
                _closeAt = now + _options.FinWait2Timeout;
                break;
            case TcpState.Closing:
                EnterTimeWait(now);
                break;
            case TcpState.LastAck:
                EnterClosed(TcpError.None);
                break;
        }
    }

    private void EnterTimeWait(long now)
    {
        SetState(TcpState.TimeWait);
        _retransmitAt = _persistAt = _keepAliveAt = Never;
        _closeAt = now + _options.TimeWait;
        ReleaseBuffersIfDone();
    }

    private void ProcessData(in TcpSegment segment, long now)
    {
        ReadOnlySpan<byte> payload = segment.Payload;
        uint seq = segment.SequenceNumber;
        bool acceptsData = State == TcpState.Established || State == TcpState.FinWait1 || State == TcpState.FinWait2;
        if (segment.Has(TcpFlags.Fin) && acceptsData)
        {
            _remoteFinPending = true;
            _remoteFinSeq = seq + (uint)payload.Length;
        }
        if (payload.Length > 0 && acceptsData)
            StoreData(payload, seq, now);
        if (_remoteFinPending && _remoteFinSeq == _receiveNext && !RemoteClosed)
            OnRemoteFin(now);
    }

    private void StoreData(ReadOnlySpan<byte> payload, uint seq, long now)
    {
        // Trim what was already received, then what lies beyond the window.
        if (Seq.Lt(seq, _receiveNext))
        {
            int skip = (int)(_receiveNext - seq);
            if (skip >= payload.Length)
            {
                SendAck(now);
                return;
            }
            payload = payload.Slice(skip);
            seq = _receiveNext;
        }
        int offset = (int)(seq - _receiveNext);
        int room = ReceiveWindow - offset;
        if (room <= 0)
        {
            SendAck(now);
            return;
        }
        if (payload.Length > room)
            payload = payload.Slice(0, room);
        if (offset > 0)
        {
            _layer.Statistics.Increment(TcpCounter.OutOfOrderSegments);
            _latestOutOfOrderSeq = seq;
            if (!_receive.TryWriteAt(_receive.Count + offset, payload))
                _layer.Statistics.Increment(TcpCounter.DropNoMemory);
            else if (!_outOfOrder.Add(offset, offset + payload.Length))
                _layer.Statistics.Increment(TcpCounter.DropOutOfOrderFull);
            // An immediate duplicate ACK tells the sender about the hole (fast retransmit).
            SendAck(now);
            return;
        }
        bool fillsHole = !_outOfOrder.IsEmpty;
        // Less than the whole payload only when the ring could not grow (no memory): the
        // rest is dropped, and the sender retransmits it.
        int advanced = _receive.Write(payload);
        if (advanced < payload.Length)
            _layer.Statistics.Increment(TcpCounter.DropNoMemory);
        int contiguous = _outOfOrder.Advance(advanced);
        _receive.Commit(contiguous);
        _receiveNext += (uint)(advanced + contiguous);
        _unackedSegments++;
        if (fillsHole || _unackedSegments >= 2)
            SendAck(now);
        else if (_delayedAckAt == Never)
            _delayedAckAt = now + _options.DelayedAck;
    }

    private void OnRemoteFin(long now)
    {
        _receiveNext++;
        RemoteClosed = true;
        switch (State)
        {
            case TcpState.Established:
                SetState(TcpState.CloseWait);
                _keepAliveAt = Never;
                break;
            case TcpState.FinWait1:
                if (_finAcked)
                    EnterTimeWait(now);
                else
                    SetState(TcpState.Closing);
                break;
            case TcpState.FinWait2:
                EnterTimeWait(now);
                break;
        }
        SendAck(now);
    }
}
