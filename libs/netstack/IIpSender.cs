using System;

namespace Uk.Net;

// What a transport protocol (TCP, UDP, ICMP) needs of the IP layer below it.
public interface IIpSender
{
    // The address this host sends from toward destination (Any while unconfigured).
    IPv4Address LocalAddressFor(IPv4Address destination);

    // Largest transport payload one datagram carries unfragmented (MTU minus the IP header).
    int MaxPayload { get; }

    // Sends payload as one IPv4 datagram, in fragments when it is longer than MaxPayload (up
    // to Ipv4Header.MaxPayload). False when it cannot go (too long, no route, no address, the
    // ARP queue full); the IP layer counts the reason.
    bool SendIp(IPv4Address source, IPv4Address destination, byte protocol, ReadOnlySpan<byte> payload);
}
