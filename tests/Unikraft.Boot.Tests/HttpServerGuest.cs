using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// One httpserver guest shared by a test class: booted once behind a free local port
// (QEMU user networking, hostfwd to the guest's port 80) on the given network device,
// stopped when the class is done. The default is apps/httpserver on virtio-net.
public class HttpServerGuest : IDisposable
{
    public HttpServerGuest()
        : this(Images.HttpServer.Elf, "virtio-net-pci")
    {
    }

    // memoryMiB of RAM; commandLine reaches the kernel (the server's arguments after `--`).
    protected HttpServerGuest(int memoryMiB, string commandLine)
        : this(Images.HttpServer.Elf, "virtio-net-pci", memoryMiB, commandLine)
    {
    }

    protected HttpServerGuest(string elf, string device, params string[] machine)
        : this(elf, device, 128, LongTimeouts, machine)
    {
    }

    // A shared guest holds 200 keep-alive connections that wait for each other: all are
    // opened before the first request goes (which through QEMU's user network can take longer
    // than the default 10 s head timeout) and stay open to the end (longer than the 15 s idle
    // timeout on a slow emulated NIC under a loaded host). Both timeouts are tested with a
    // guest of their own (SlowClientHttpServerGuest).
    private const string LongTimeouts = "-- head-timeout-ms=300000 idle-timeout-ms=300000";

    protected HttpServerGuest(string elf, string device, int memoryMiB, string commandLine, params string[] machine)
    {
        for (int attempt = 1; ; attempt++)
        {
            Port = LocalPorts.PickFree();
            Session = QemuSession.BootElf(elf, commandLine, memoryMiB,
                [.. machine, "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + Port + "-:80", "-device", device + ",netdev=n0"]);
            try
            {
                Session.WaitForLine(ReadyLine, TimeSpan.FromSeconds(90));
                return;
            }
            catch (TimeoutException) when (attempt < 3 && Session.HasExited && Session.Output.Length == 0)
            {
                // QEMU exits at once when the port was taken between the pick and the boot:
                // another port.
                Session.Dispose();
            }
        }
    }

    internal QemuSession Session { get; private set; } = null!;

    // The line the server prints once it listens (read while the base constructor runs: a
    // constant in every override).
    protected virtual string ReadyLine => "httpserver: listening on http://10.0.2.15:80/";

    public int Port { get; private set; }

    public string Url(string path) => "http://127.0.0.1:" + Port + path;

    private readonly object _connecting = new();

    // Connects client and waits (up to a minute) until QEMU took the connection from its
    // hostfwd socket, one caller at a time: tests opening many connections, in parallel or in
    // a burst, go through here. QEMU's user network gets forwarded connections from a host
    // socket that listens with a backlog of 1 (libslirp's listen(fd, 1)); with several
    // handshakes in flight the host kernel can finish one for the client and then drop its
    // last ACK because the others filled the accept queue meanwhile. Such a connection is
    // open on the client's side, but slirp never accepts it and the guest never sees its SYN
    // until a retransmission of the client's request finds the queue empty, and under load
    // that can take past the client's timeout. A lone handshake into an empty queue always
    // fits (it holds two), and waiting for QEMU to empty it also spares the connect a SYN
    // dropped on a full queue and retried a second or more later.
    public void ConnectForwarded(TcpClient client)
    {
        lock (_connecting)
        {
            client.Connect("127.0.0.1", Port);
            // Bounded: a QEMU that stopped accepting fails the requests rather than hanging here.
            var accepting = System.Diagnostics.Stopwatch.StartNew();
            while (ForwardedConnectionsWaiting() > 0 && accepting.Elapsed < TimeSpan.FromSeconds(60))
                Thread.Sleep(1);
        }
    }

    // Connections the host kernel finished for hostfwd that QEMU has not accepted yet.
    public int ForwardedConnectionsWaiting() => Unikraft.Bench.Net.HostForward.ConnectionsWaiting(Port);

    // The guest's /stats as name → value.
    // wrk with these arguments, bounded far past any -d a test gives it: a wrk that hangs
    // fails the test. Its output, for WrkResult to read.
    public static string RunWrk(IReadOnlyList<string> arguments)
    {
        HostProcessResult run = HostProcess.Run("wrk", arguments, TimeSpan.FromMinutes(40));
        if (run.ExitCode != 0)
            throw new InvalidOperationException("wrk " + string.Join(' ', arguments) + " failed: " + run.Output);
        return run.Output;
    }

    public Dictionary<string, long> Stats()
    {
        HostProcessResult run = HostProcess.Run("curl", ["-s", "-S", "--max-time", "30", Url("/stats")], TimeSpan.FromSeconds(40));
        if (run.ExitCode != 0)
            throw new InvalidOperationException("curl /stats failed: " + run.Output + "\n" + Session.Output);
        return Unikraft.Bench.Net.SoakReadings.Parse(run.Output);
    }

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}

// httpserver in 24 MiB: memory runs out long before its connection limit does.
public sealed class SmallHttpServerGuest() : HttpServerGuest(24, "-- max-connections=2000 head-timeout-ms=60000");

// httpserver allowing 3 connections per client address, with timeouts that do not interfere.
public sealed class PeerLimitHttpServerGuest() : HttpServerGuest(128, "-- max-connections-per-peer=3 head-timeout-ms=120000 idle-timeout-ms=120000");

// httpserver for the soak's loads, as bench/net's hand soak boots it: every host client
// arrives from 10.0.2.2, so the per-peer limit is lifted to max-connections.
public sealed class SoakHttpServerGuest() : HttpServerGuest(128, "-- max-connections-per-peer=512");

// httpserver with 20 slots and short timeouts, for slow clients.
public sealed class SlowClientHttpServerGuest() : HttpServerGuest(128, "-- max-connections=20 head-timeout-ms=3000 idle-timeout-ms=2000");
