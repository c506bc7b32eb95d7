using System;

namespace Uk.Net.Tcp;

// NewReno congestion control (RFC 5681, RFC 6582): slow start to ssthresh, then one segment
// per round trip; three duplicate ACKs halve the window and enter fast recovery, which lasts
// until everything outstanding at its start is acknowledged (partial ACKs retransmit the next
// hole); a timeout falls back to one segment. With SACK (UsesSack) recovery follows RFC 6675
// instead: the window drops to ssthresh and stays there, and the sender's pipe estimate (what
// is really in flight, from the scoreboard) decides what may be sent, so duplicate ACKs
// neither inflate it nor partial ACKs deflate it.
public sealed class NewReno
{
    private readonly int _mss;
    private int _bytesAcked;

    public NewReno(int mss, int initialWindowSegments)
    {
        _mss = mss;
        Window = initialWindowSegments * mss;
        Threshold = int.MaxValue;
    }

    public int Window { get; private set; }

    public int Threshold { get; private set; }

    public bool InRecovery { get; private set; }

    public bool UsesSack { get; set; }

    // The highest sequence number sent when recovery began.
    public uint Recover { get; private set; }

    public void OnNewAck(int acked, uint ack)
    {
        if (InRecovery)
        {
            if (Seq.Ge(ack, Recover))
            {
                InRecovery = false;
                Window = Math.Min(Threshold, Window);
                if (Window < _mss)
                    Window = _mss;
            }
            else if (!UsesSack)
            {
                // Partial ACK: deflate by what it acknowledged, keep one new segment's room.
                Window = Math.Max(_mss, Window - acked + _mss);
            }
            return;
        }
        if (Window < Threshold)
            Window += Math.Min(acked, _mss);
        else
        {
            _bytesAcked += acked;
            if (_bytesAcked >= Window)
            {
                _bytesAcked -= Window;
                Window += _mss;
            }
        }
    }

    // The third duplicate ACK: returns true when recovery starts (the caller retransmits).
    public bool OnTripleDuplicate(int flight, uint highestSent)
    {
        if (InRecovery)
            return false;
        Threshold = Math.Max(flight / 2, 2 * _mss);
        Window = UsesSack ? Threshold : Threshold + 3 * _mss;
        Recover = highestSent;
        InRecovery = true;
        return true;
    }

    // A further duplicate during recovery: one more segment has left the network.
    public void OnExtraDuplicate()
    {
        if (InRecovery && !UsesSack)
            Window += _mss;
    }

    public void OnTimeout(int flight)
    {
        Threshold = Math.Max(flight / 2, 2 * _mss);
        Window = _mss;
        InRecovery = false;
        _bytesAcked = 0;
    }
}
