using System.Net;
using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// Host ports for QEMU's hostfwd and monitor: below Linux's ephemeral range (32768 up), where
// the thousands of client connections a churn test leaves in TIME_WAIT cannot be, and free
// for TCP and UDP at the moment they are picked (a taken one makes QEMU exit at start).
internal static class LocalPorts
{
    public static int PickFree()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = Random.Shared.Next(20000, 32768);
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }
}
