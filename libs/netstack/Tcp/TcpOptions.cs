namespace Uk.Net.Tcp;

// Limits and timers of one TcpLayer. Defaults suit a small server; times in nanoseconds.
public sealed class TcpOptions
{
    public const long Millisecond = 1_000_000;

    public int SendBuffer { get; set; } = 32 * 1024;

    // Also the largest window advertised (no window scaling, so at most 65535).
    public int ReceiveBuffer { get; set; } = 32 * 1024;

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
