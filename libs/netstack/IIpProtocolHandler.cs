using System;

namespace Uk.Net;

// A transport protocol registered with the IP layer for one protocol number. Times are
// Clock.Monotonic nanoseconds, passed in so host tests drive time themselves.
public interface IIpProtocolHandler
{
    // One reassembled datagram's payload, already checked by IP. checksumVerified: the device
    // verified the transport checksum, so the handler may skip its own check.
    void Receive(IPv4Address source, IPv4Address destination, ReadOnlySpan<byte> payload, bool checksumVerified, long now);

    // Runs the handler's timers that are due at now.
    void Tick(long now);

    // When Tick next has work (long.MaxValue when no timer runs).
    long NextDeadline { get; }
}
