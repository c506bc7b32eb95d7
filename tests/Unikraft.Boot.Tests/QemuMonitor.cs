using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// QEMU's human monitor on a Unix socket (-monitor unix:<Path>,server,nowait): commands sent
// one at a time, each waiting for the prompt that ends its answer, so they take effect in
// order (sendkey queues its key events in that order).
internal sealed class QemuMonitor : IDisposable
{
    private readonly Socket _socket;

    private QemuMonitor(Socket socket) => _socket = socket;

    // A socket path for QEMU's arguments, unique to the test.
    public static string NewSocketPath() =>
        Path.Combine(Path.GetTempPath(), "uk-monitor-" + Guid.NewGuid().ToString("N")[..8] + ".sock");

    public static string[] Arguments(string socketPath) => ["-monitor", "unix:" + socketPath + ",server,nowait"];

    public static QemuMonitor Connect(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        var monitor = new QemuMonitor(socket);
        monitor.ReadUntilPrompt("the monitor's greeting");
        return monitor;
    }

    public string Send(string command)
    {
        _socket.Send(Encoding.ASCII.GetBytes(command + "\n"));
        return ReadUntilPrompt(command);
    }

    // One sendkey per key combination ("shift-a", "ret"), in order, each key held holdMs and
    // the next one sent after its release: QEMU queues the events of keys sent faster than
    // they are released, and drops them past 50 in its queue.
    public void SendKeys(IEnumerable<string> keys, int holdMs = 10)
    {
        foreach (string key in keys)
        {
            string answer = Send("sendkey " + key + " " + holdMs);
            if (answer.Contains("invalid", StringComparison.OrdinalIgnoreCase) || answer.Contains("unknown", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("QEMU refused 'sendkey " + key + "': " + answer);
            Thread.Sleep(3 * holdMs);
        }
    }

    private string ReadUntilPrompt(string what)
    {
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        var clock = Stopwatch.StartNew();
        _socket.ReceiveTimeout = 1000;
        while (!reply.ToString().TrimEnd().EndsWith("(qemu)", StringComparison.Ordinal))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException("the QEMU monitor did not answer " + what + ": " + reply);
            try
            {
                int read = _socket.Receive(buffer);
                if (read == 0)
                    throw new IOException("the QEMU monitor closed while answering " + what + ": " + reply);
                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.TimedOut)
            {
            }
        }
        return reply.ToString();
    }

    public void Dispose() => _socket.Dispose();
}
