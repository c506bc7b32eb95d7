using System;

namespace Uk.Net.Tcp;

// RFC 2018 selective acknowledgments, used only when both SYNs carried SACK-permitted. As a
// receiver, every ACK sent while out-of-order data waits names up to four of its ranges (three
// beside timestamps), the one holding the latest segment first. As a sender, the blocks fill a
// scoreboard, and fast recovery follows RFC 6675 in a simplified form: the window drops to
// ssthresh, the bytes not selectively acknowledged below the highest block count as lost, the
// pipe (bytes really in flight) is what was sent less what was selectively acknowledged and
// less the lost bytes not yet retransmitted, and while the window leaves room each hole is
// retransmitted once, oldest first, before new data. A timeout forgets the scoreboard.
public sealed partial class TcpConnection
{
    private const int ScoreboardRanges = 16;

    private bool _sackAgreed;
    private SackScoreboard? _scoreboard;
    // RFC 6675 HighRxt: the end of the latest hole retransmitted in this recovery.
    private uint _highRetransmitted;
    // The first byte of the latest out-of-order segment received, whose range goes first.
    private uint _latestOutOfOrderSeq;

    public bool SackEnabled => _sackAgreed;

    // Bytes the peer selectively acknowledged beyond its cumulative ACK.
    public int SelectivelyAcknowledged => _scoreboard?.SackedBytes ?? 0;

    private bool OffersSack => _options.SelectiveAcknowledgments && (State == TcpState.SynSent || _sackAgreed);

    private void ApplyPeerSack(in TcpSegment syn)
    {
        if (!_options.SelectiveAcknowledgments || !syn.SackPermitted)
            return;
        _sackAgreed = true;
        _scoreboard ??= new SackScoreboard(ScoreboardRanges);
        _congestion.UsesSack = true;
    }

    private int SackBlocksToSend => !_sackAgreed || _outOfOrder.IsEmpty ? 0 : Math.Min(_outOfOrder.Count, _timestampsAgreed ? 3 : 4);

    private int SackOptionBytes => TcpOptionWriter.SackLength(SackBlocksToSend);

    private void WriteSackBlocks(ref TcpOptionWriter options, byte flags)
    {
        int blocks = SackBlocksToSend;
        if (blocks == 0 || (flags & TcpFlags.Rst) != 0 || (flags & TcpFlags.Ack) == 0)
            return;
        options.SackHeader(blocks);
        int latest = _outOfOrder.IndexOf((int)(_latestOutOfOrderSeq - _receiveNext));
        int written = 0;
        if (latest >= 0)
        {
            WriteSackBlock(ref options, latest);
            written++;
        }
        for (int i = 0; i < _outOfOrder.Count && written < blocks; i++)
        {
            if (i == latest)
                continue;
            WriteSackBlock(ref options, i);
            written++;
        }
    }

    private void WriteSackBlock(ref TcpOptionWriter options, int range)
        => options.SackBlock(_receiveNext + (uint)_outOfOrder.Start(range), _receiveNext + (uint)_outOfOrder.End(range));

    // The blocks of an arriving ACK, before its cumulative acknowledgment is applied (the
    // scoreboard counts from the oldest unacknowledged byte, rebased as ACKs advance). Blocks
    // at or below that acknowledgment (D-SACK, or stale) and blocks naming bytes never sent
    // are ignored; the rest are clipped to the data sent.
    private void RecordSackBlocks(in TcpSegment segment, uint ack)
    {
        // After a timeout everything from the oldest byte is being resent anyway (go-back-N);
        // blocks then would count bytes not yet resent as gone from the pipe.
        if (!_sackAgreed || segment.SackBlockCount == 0 || Seq.Lt(_sendNext, _sendMax))
            return;
        uint floor = Seq.Gt(ack, _sendUnacked) ? ack : _sendUnacked;
        uint dataEnd = _sendUnacked + (uint)_send.Count;
        for (int i = 0; i < segment.SackBlockCount; i++)
        {
            uint left = segment.SackLeft(i);
            uint right = segment.SackRight(i);
            if (!Seq.Lt(left, right) || Seq.Le(right, floor) || Seq.Gt(right, _sendMax))
                continue;
            if (Seq.Lt(left, floor))
                left = floor;
            if (Seq.Gt(right, dataEnd))
                right = dataEnd;
            if (Seq.Lt(left, right))
                _scoreboard!.Add((int)(left - _sendUnacked), (int)(right - _sendUnacked));
        }
    }

    // RFC 6675's pipe: bytes sent and not acknowledged, less those selectively acknowledged,
    // less (in recovery) the lost ones not retransmitted yet.
    private int Pipe()
    {
        int flight = (int)(_sendNext - _sendUnacked);
        if (_scoreboard is null || _scoreboard.IsEmpty)
            return flight;
        int pipe = flight - _scoreboard.SackedBytes;
        if (_congestion.InRecovery)
            pipe -= _scoreboard.HoleBytesFrom(RetransmitFrom);
        return Math.Max(0, pipe);
    }

    // Offset of the first byte recovery has not retransmitted yet.
    private int RetransmitFrom => Seq.Gt(_highRetransmitted, _sendUnacked) ? (int)(_highRetransmitted - _sendUnacked) : 0;

    // In SACK recovery: each hole once, oldest first, while the window leaves a segment's room
    // over the pipe; then new data as the windows allow.
    private void RetransmitHoles(long now)
    {
        while (_congestion.Window - Pipe() >= MaxSegmentData)
        {
            if (!_scoreboard!.NextHole(RetransmitFrom, out int start, out int length))
                break;
            length = Math.Min(Math.Min(length, MaxSegmentData), _send.Count - start);
            if (length <= 0)
                break;
            _layer.Statistics.Increment(TcpCounter.Retransmissions);
            _layer.Statistics.Increment(TcpCounter.SackRetransmissions);
            SendData(_sendUnacked + (uint)start, length, TcpFlags.Ack, now);
            _highRetransmitted = _sendUnacked + (uint)(start + length);
            if (_retransmitAt == Never)
                _retransmitAt = now + _rtt.Timeout;
        }
        Output(now, false);
    }

    private void ForgetScoreboard()
    {
        _scoreboard?.Clear();
        _highRetransmitted = _sendUnacked;
    }
}
