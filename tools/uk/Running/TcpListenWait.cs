using System.Globalization;

namespace Unikraft.Cli.Running;

// Waits until something listens on a local TCP port (QEMU's gdb server), reading
// /proc/net/tcp{,6} rather than connecting, which would take the server's one connection.
public static class TcpListenWait
{
    public static bool Wait(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        do
        {
            foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                if (File.Exists(table) && File.ReadLines(table).Skip(1)
                        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Any(f => f.Length > 3 && f[1].EndsWith(hexPort, StringComparison.Ordinal) && f[3] == "0A"))
                    return true;
            }
            Thread.Sleep(50);
        } while (DateTime.UtcNow < deadline);
        return false;
    }
}
