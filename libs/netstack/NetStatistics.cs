using System;

namespace Uk.Net;

// Named counters of one NetStack, kept in one array so counting costs an increment.
public sealed class NetStatistics : CounterSet
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
        "datagrams-fragmented", "fragments-sent",
    };

    public NetStatistics() : base(s_names)
    {
    }

    public static int Count => s_names.Length;

    public static string NameOf(NetCounter counter) => s_names[(int)counter];

    public ulong this[NetCounter counter] => Counts[(int)counter];

    public void Increment(NetCounter counter) => Counts[(int)counter]++;
}
