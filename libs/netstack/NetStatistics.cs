using System;

namespace Uk.Net;

// Named counters of one NetStack, kept in one array so counting costs an increment.
public sealed class NetStatistics
{
    private static readonly string[] s_names =
    {
        "frames-received", "frames-sent", "drop-ethernet-short", "drop-ethernet-not-for-us",
        "drop-ethernet-unknown-type", "arp-received", "arp-requests-sent", "arp-replies-sent",
        "drop-arp-malformed", "drop-arp-not-for-us", "arp-cache-evictions", "arp-resolution-failed",
        "send-arp-queue-full", "ip-received", "ip-sent", "drop-ip-short", "drop-ip-bad-version",
        "drop-ip-bad-header-length", "drop-ip-bad-length", "drop-ip-bad-checksum", "drop-ip-bad-ttl",
        "drop-ip-bad-source", "drop-ip-not-for-us", "drop-ip-unknown-protocol", "send-no-route",
        "send-too-big", "ip-delivered", "fragments-received", "fragments-queued", "datagrams-reassembled", "drop-fragment-overlap",
        "drop-fragment-inconsistent", "drop-fragment-too-big", "drop-fragment-limit",
        "drop-fragment-no-slot", "drop-fragment-timeout", "icmp-received", "icmp-echo-replies-sent",
        "icmp-echo-replies-received", "icmp-unreachable-sent", "icmp-unreachable-received",
        "icmp-other-received", "icmp-errors-rate-limited", "drop-icmp-malformed",
        "drop-icmp-bad-checksum", "udp-received", "udp-sent", "drop-udp-malformed",
        "drop-udp-bad-length", "drop-udp-bad-checksum", "drop-udp-no-port", "drop-udp-queue-full",
        "dhcp-sent", "dhcp-received", "dhcp-rejected", "dns-queries-sent", "dns-responses",
        "dns-rejected", "dns-unmatched", "drop-internal-error", "loopback-sent", "send-loopback-full",
    };

    private readonly ulong[] _counts = new ulong[s_names.Length];

    public static int Count => s_names.Length;

    public static string NameOf(NetCounter counter) => s_names[(int)counter];

    public ulong this[NetCounter counter] => _counts[(int)counter];

    public void Increment(NetCounter counter) => _counts[(int)counter]++;

    // Sum of every drop-* counter: what the stack refused, for whatever reason.
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

    // One "name value" line per counter; nonZeroOnly leaves the quiet ones out.
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
