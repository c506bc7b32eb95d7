namespace Uk.Net.Tcp;

// Limits and timers of one TcpLayer. Defaults suit a small server; times in nanoseconds.
public sealed class TcpOptions
{
    public const long Millisecond = 1_000_000;

    // Bytes Send takes before the peer acknowledges them. A ring that grows on demand up to
    // this, so a large value costs nothing until a connection moves that much. 255 KiB rather
    // than 256: with the array's and the heap block's headers the full ring still fits one
    // 256 KiB allocator block.
    public int SendBuffer { get; set; } = DefaultBuffer;

    // Also the largest window advertised (above 65535 only with window scaling, at most
    // 1 GiB). Grows on demand like SendBuffer.
    public int ReceiveBuffer { get; set; } = DefaultBuffer;

    public const int DefaultBuffer = 255 * 1024;

    // RFC 7323 window scaling: offered on SYN and SYN-ACK with the smallest shift that lets
    // the window reach ReceiveBuffer, and used only when the peer's SYN offered it too.
    // Without it a window stops at 65535 bytes, which bounds a transfer to 64 KiB per round trip.
    public bool WindowScaling { get; set; } = true;

    // RFC 7323 timestamps: offered on SYN and used when the peer offers them too. They cost 12
    // bytes a segment and give a round-trip sample from every flight (retransmissions
    // included) and PAWS, the check that drops old duplicates once sequence numbers wrap.
    public bool Timestamps { get; set; } = true;

    // RFC 2018 selective acknowledgments: SACK-permitted offered on SYN; when the peer offers
    // it too, ACKs name the out-of-order ranges received and recovery retransmits only the
    // holes the peer reports (RFC 6675), not everything after the first loss.
    public bool SelectiveAcknowledgments { get; set; } = true;

    public int MaxConnections { get; set; } = 1024;

    // Half-open plus not-yet-accepted connections a listener keeps when Listen gives none.
    public int DefaultBacklog { get; set; } = 128;

    // A SYN that finds its listener's backlog full is answered with a SYN cookie (SynCookies)
    // rather than dropped; false restores the drop.
    public bool SynCookies { get; set; } = true;

    // Out-of-order byte ranges kept per connection.
    public int OutOfOrderRanges { get; set; } = 8;

    public long InitialRto { get; set; } = 1000 * Millisecond;

    public long MinRto { get; set; } = 200 * Millisecond;

    public long MaxRto { get; set; } = 60_000 * Millisecond;

    // Retransmissions of one segment before the connection is given up.
    public int MaxRetransmissions { get; set; } = 10;

    public long DelayedAck { get; set; } = 40 * Millisecond;

    public long TimeWait { get; set; } = 2_000 * Millisecond;

    // How long FIN_WAIT_2 waits for the peer's FIN once the application closed.
    public long FinWait2Timeout { get; set; } = 60_000 * Millisecond;

    // 0 disables keep-alive probes.
    public long KeepAliveIdle { get; set; }

    public long KeepAliveInterval { get; set; } = 10_000 * Millisecond;

    public int KeepAliveProbes { get; set; } = 5;

    public int InitialWindowSegments { get; set; } = 10;

    // Seeds the secret of the initial sequence numbers' hash and the ephemeral ports (tests
    // fix it, for runs that repeat).
    public ulong Seed { get; set; }

    // 8 words (256 bits) used instead of Seed: the guest takes them from the kernel's entropy.
    public uint[]? Key { get; set; }
}
