namespace Uk.Net.Tcp;

// TCP's named counters, one increment each; rendered like NetStatistics.
public sealed class TcpStatistics : CounterSet
{
    private static readonly string[] s_names =
    {
        "tcp-segments-received", "tcp-segments-sent", "tcp-retransmissions", "tcp-fast-retransmissions",
        "tcp-timeouts", "tcp-active-opens", "tcp-passive-opens", "tcp-connections-established",
        "tcp-connections-reset", "tcp-connections-timed-out", "tcp-resets-sent", "tcp-challenge-acks",
        "tcp-duplicate-acks", "tcp-out-of-order-segments", "tcp-delayed-acks", "tcp-keepalive-probes",
        "tcp-zero-window-probes", "drop-tcp-truncated", "drop-tcp-bad-data-offset", "drop-tcp-bad-options",
        "drop-tcp-bad-checksum", "drop-tcp-bad-address", "drop-tcp-no-connection", "drop-tcp-out-of-window",
        "drop-tcp-ack-too-new", "drop-tcp-backlog-full", "drop-tcp-connection-limit",
        "drop-tcp-out-of-order-full", "drop-tcp-unexpected-flags", "tcp-send-failed",
        "tcp-time-wait-recycled", "drop-tcp-no-memory", "tcp-syn-cookies-sent", "tcp-syn-cookies-accepted",
        "tcp-syn-cookies-rejected", "drop-tcp-paws", "tcp-sack-retransmissions",
    };

    public TcpStatistics() : base(s_names)
    {
    }

    public ulong this[TcpCounter counter] => Counts[(int)counter];

    public static string NameOf(TcpCounter counter) => s_names[(int)counter];

    public static int Count => s_names.Length;

    public void Increment(TcpCounter counter) => Counts[(int)counter]++;
}
