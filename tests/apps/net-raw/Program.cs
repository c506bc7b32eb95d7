using System;
using NetRaw;

// Usage (application arguments, after "--" when kernel parameters come first):
//   [ping=<count>] [size=<payload bytes>] [window=<requests in flight>] [blast=<frames>]
//   [dhcp=off] [probe] [probe-bad] [listen=<udp port>] [sink=<datagrams to wait for>]
// Prints the interface, resolves 10.0.2.2 by ARP, sends a DHCP DISCOVER and checks the
// OFFER, then floods QEMU's user network with ICMP echo requests and blasts raw frames out.
int ping = 1000, size = 56, window = 64, blast = 0, listen = 0, sink = 0;
bool dhcp = true, probe = false, probeBad = false;
for (int i = 0; i < args.Length; i++)
{
    string word = args[i];
    if (word.StartsWith("ping="))
        ping = int.Parse(word.Substring(5));
    else if (word.StartsWith("size="))
        size = int.Parse(word.Substring(5));
    else if (word.StartsWith("window="))
        window = int.Parse(word.Substring(7));
    else if (word.StartsWith("blast="))
        blast = int.Parse(word.Substring(6));
    else if (word == "dhcp=off")
        dhcp = false;
    else if (word == "probe")
        probe = true;
    else if (word == "probe-bad")
        probeBad = true;
    else if (word.StartsWith("sink="))
        sink = int.Parse(word.Substring(5));
    else if (word.StartsWith("listen="))
        listen = int.Parse(word.Substring(7));
    else
    {
        Console.WriteLine("net-raw: unknown argument " + word);
        return 2;
    }
}
return Scenarios.Run(ping, size, window, blast, dhcp, probe, probeBad, listen, sink);
