using System;

namespace Uk.Net.Tcp;

// The retransmission timeout of RFC 6298: smoothed RTT and its variance from samples of
// segments sent once (Karn), RTO = SRTT + 4 RTTVAR, clamped, doubled on every timeout.
public sealed class RttEstimator
{
    private readonly long _minimum;
    private readonly long _maximum;
    private long _smoothed;
    private long _variance;
    private bool _hasSample;
    private int _backoff;

    public RttEstimator(long initial, long minimum, long maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        BaseTimeout = initial;
    }

    public long Smoothed => _smoothed;

    public long Variance => _variance;

    public long BaseTimeout { get; private set; }

    public long Timeout => Math.Min(_maximum, BaseTimeout << Math.Min(_backoff, 16));

    public int Backoffs => _backoff;

    public void Sample(long rtt)
    {
        if (rtt < 0)
            return;
        if (!_hasSample)
        {
            _smoothed = rtt;
            _variance = rtt / 2;
            _hasSample = true;
        }
        else
        {
            long error = Math.Abs(_smoothed - rtt);
            _variance = (3 * _variance + error) / 4;
            _smoothed = (7 * _smoothed + rtt) / 8;
        }
        BaseTimeout = Math.Min(_maximum, Math.Max(_minimum, _smoothed + Math.Max(4 * _variance, 1_000_000)));
        _backoff = 0;
    }

    public void Backoff() => _backoff++;

    public void ResetBackoff() => _backoff = 0;
}
