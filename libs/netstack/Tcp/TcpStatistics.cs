namespace Uk.Net.Tcp;

// TCP's named counters, one increment each; rendered like NetStatistics.
public sealed class TcpStatistics
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
    };

    private readonly ulong[] _counts = new ulong[s_names.Length];

    public ulong this[TcpCounter counter] => _counts[(int)counter];

    public static string NameOf(TcpCounter counter) => s_names[(int)counter];

    public static int Count => s_names.Length;

    public void Increment(TcpCounter counter) => _counts[(int)counter]++;

    public ulong TotalDrops
    {
        get
        {
            ulong sum = 0;
            for (int i = 0; i < s_names.Length; i++)
                if (s_names[i].StartsWith("drop-"))
                    sum += _counts[i];
            return sum;
        }
    }

    public string Render(bool nonZeroOnly = false)
    {
        string text = "";
        for (int i = 0; i < s_names.Length; i++)
        {
            if (nonZeroOnly && _counts[i] == 0)
                continue;
            text += s_names[i] + " " + _counts[i].ToString() + "\n";
        }
        return text;
    }
}
