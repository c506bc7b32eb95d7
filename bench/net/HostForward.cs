using System;
using System.Globalization;
using System.IO;

namespace Unikraft.Bench.Net;

// QEMU's user network takes forwarded connections from a host socket that listens with a
// backlog of 1 (libslirp's listen(fd, 1)): with several handshakes in flight the host kernel
// can finish one for the client and then drop its last ACK, and the guest never sees that
// connection until a retransmission finds the queue empty. Callers opening many connections
// open them one at a time, each once QEMU took the one before. Shared with the boot tests
// (HttpServerGuest.ConnectForwarded).
public static class HostForward
{
    // Connections the host kernel finished for the forward on 127.0.0.1:port that QEMU has
    // not accepted yet: the accept queue of its listening socket, which /proc/net/tcp gives as
    // the LISTEN line's rx_queue. 0 when there is no such line to read.
    public static int ConnectionsWaiting(int port)
    {
        string local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (string line in File.ReadLines("/proc/net/tcp"))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 4 && fields[1] == local && fields[3] == "0A")
                return Convert.ToInt32(fields[4][(fields[4].IndexOf(':', StringComparison.Ordinal) + 1)..], 16);
        }
        return 0;
    }

    // Handshakes the host kernel dropped because a listening socket's accept queue was full
    // (TcpExt ListenOverflows in /proc/net/netstat, for the whole host): the overflows of the
    // forward's one-connection queue are among them. 0 when the counter cannot be read.
    public static long ListenOverflows()
    {
        string[]? names = null;
        foreach (string line in File.ReadLines("/proc/net/netstat"))
        {
            if (!line.StartsWith("TcpExt:", StringComparison.Ordinal))
                continue;
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names is null)
            {
                names = fields;
                continue;
            }
            int at = Array.IndexOf(names, "ListenOverflows");
            return at > 0 && at < fields.Length ? long.Parse(fields[at], CultureInfo.InvariantCulture) : 0;
        }
        return 0;
    }
}
