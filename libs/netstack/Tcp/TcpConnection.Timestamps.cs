using System;

namespace Uk.Net.Tcp;

// RFC 7323 timestamps (sections 3 to 5): offered on SYN, used only when both SYNs carried
// them; then every segment but a RST carries our clock (TSval) and the peer's latest
// in-sequence value (TSecr, TS.Recent). The echo measures the round trip of any segment,
// retransmissions included (no Karn ambiguity), and PAWS drops old duplicates whose
// sequence numbers wrapped into the window.
public sealed partial class TcpConnection
{
    // How long TS.Recent stays valid without a segment updating it (RFC 7323 5.5: 24 days,
    // well before a 1 ms clock's 2^31 half-range runs out).
    private const long TimestampRecentLifetime = 24L * 24 * 3600 * 1000 * 1_000_000;

    private bool _timestampsAgreed;
    private uint _timestampRecent;
    private long _timestampRecentAt;
    private uint _lastAckSent;
    // A round-trip sample is taken once per flight: when an ACK passes this number.
    private uint _timestampSampleSeq;

    public bool TimestampsEnabled => _timestampsAgreed;

    // Our TSval clock: milliseconds, from a per-connection offset (RFC 7323 5.4 asks for a
    // random one, so the value tells nothing of the host's uptime; the initial sequence
    // number is already a keyed hash).
    private uint TimestampNow(long now) => (uint)(now / TcpOptions.Millisecond) + _initialSend;

    // On an active open always (when enabled); on a SYN-ACK only when the SYN had them.
    private bool OffersTimestamps => _options.Timestamps && (State == TcpState.SynSent || _timestampsAgreed);

    private int TimestampOptionBytes => _timestampsAgreed ? TcpOptionWriter.TimestampsLength : 0;

    private void ApplyPeerTimestamps(in TcpSegment syn, long now)
    {
        if (!_options.Timestamps || !syn.HasTimestamps)
            return;
        _timestampsAgreed = true;
        _timestampRecent = syn.TimestampValue;
        _timestampRecentAt = now;
        _timestampSampleSeq = _sendMax;
    }

    private void WriteSynTimestamps(ref TcpOptionWriter options, long now)
    {
        if (OffersTimestamps)
            options.Timestamps(TimestampNow(now), State == TcpState.SynSent ? 0 : _timestampRecent);
    }

    private void WriteTimestamps(ref TcpOptionWriter options, byte flags, long now)
    {
        if (_timestampsAgreed && (flags & TcpFlags.Rst) == 0)
            options.Timestamps(TimestampNow(now), _timestampRecent);
    }

    // RFC 7323 5.3 R1 (PAWS): a segment whose TSval is older than TS.Recent is an old
    // duplicate; it is dropped (answered with an ACK unless it is a RST). TS.Recent older than
    // its lifetime no longer judges anything.
    private bool FailsPaws(in TcpSegment segment, long now)
    {
        if (!_timestampsAgreed || !segment.HasTimestamps || segment.Has(TcpFlags.Rst))
            return false;
        if ((int)(segment.TimestampValue - _timestampRecent) >= 0)
            return false;
        if (now - _timestampRecentAt > TimestampRecentLifetime)
            return false;
        return true;
    }

    // RFC 7323 4.3 / 5.3 R3: an acceptable segment that starts at or before what we last
    // acknowledged carries the TSval to echo from now on.
    private void RecordTimestamp(in TcpSegment segment, long now)
    {
        if (!_timestampsAgreed || !segment.HasTimestamps)
            return;
        if ((int)(segment.TimestampValue - _timestampRecent) >= 0 && Seq.Le(segment.SequenceNumber, _lastAckSent))
        {
            _timestampRecent = segment.TimestampValue;
            _timestampRecentAt = now;
        }
    }

    // A round-trip sample from the echo of an ACK that acknowledged new data: true when the
    // timestamps timed it (the Karn timer is then not used).
    private bool SampleRttFromEcho(in TcpSegment segment, uint ack, long now)
    {
        if (!_timestampsAgreed || !segment.HasTimestamps || segment.TimestampEcho == 0)
            return false;
        if (Seq.Gt(ack, _timestampSampleSeq))
        {
            int elapsed = (int)(TimestampNow(now) - segment.TimestampEcho);
            if (elapsed >= 0)
                _rtt.Sample(elapsed * TcpOptions.Millisecond);
            _timestampSampleSeq = _sendMax;
        }
        return true;
    }

    private void NoteAckSent(ReadOnlySpan<byte> segment)
    {
        if ((segment[13] & TcpFlags.Ack) != 0)
            _lastAckSent = NetworkOrder.ReadUInt32(segment.Slice(8));
    }
}
