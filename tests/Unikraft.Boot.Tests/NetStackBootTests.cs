using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// netstack on virtio-net against QEMU's user network (tests/apps/net-ping): the address from
// DHCP at boot, ARP and ICMP echo to the gateway, static configuration from the kernel
// command line, and UDP datagrams from the host echoed back through hostfwd.
public sealed class NetStackBootTests
{
    private static HostProcessResult Boot(string commandLine, string netdev = "user,id=n0") =>
        Qemu.BootElfWith(Images.NetPing.Elf, commandLine, ["-netdev", netdev, "-device", "virtio-net-pci,netdev=n0"], memoryMiB: 64);

    private static long Counter(IEnumerable<string> lines, string name)
    {
        string? line = lines.FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public void DhcpConfiguresAtBootAndTheGatewayAnswersPings()
    {
        HostProcessResult run = Boot("pings=5");

        Assert.Contains("[ info] netstack: eth0 10.0.2.15/24 gw 10.0.2.2 (dhcp)", run.Lines);
        Assert.Contains("[ info] netstack: dns 10.0.2.3", run.Lines);
        List<string> lines = run.Lines.ToList();
        int address = lines.FindIndex(l => l.Contains("netstack: eth0 10.0.2.15/24"));
        int main = lines.FindIndex(l => l.Contains("sched: "));
        Assert.True(address >= 0 && address < main, "the address is there before Main starts");
        Assert.Contains(run.Lines, l => l.StartsWith("net-ping: 5/5 replies from 10.0.2.2 in ", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("net-ping: loopback ok in ", StringComparison.Ordinal));
        Assert.Equal(2, Counter(run.Lines, "dhcp-sent")); // DISCOVER, REQUEST
        Assert.Equal(5, Counter(run.Lines, "icmp-echo-replies-received"));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("drop-", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void StaticAddressFromTheKernelCommandLine()
    {
        HostProcessResult run = Boot("net.ip=10.0.2.20/24 net.gw=10.0.2.2 net.dns=10.0.2.3 -- pings=2");

        Assert.Contains("[ info] netstack: eth0 10.0.2.20/24 gw 10.0.2.2 (static)", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("net-ping: 2/2 replies from 10.0.2.2", StringComparison.Ordinal));
        Assert.Equal(0, Counter(run.Lines, "dhcp-sent"));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void BadStaticAddressFallsBackToDhcp()
    {
        HostProcessResult run = Boot("net.ip=10.0.2.300/24 -- pings=1");

        Assert.Contains(run.Lines, l => l.StartsWith("[error] netstack: address '10.0.2.300/24'", StringComparison.Ordinal));
        Assert.Contains("[ info] netstack: eth0 10.0.2.15/24 gw 10.0.2.2 (dhcp)", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    public static TheoryData<string> Schedulers => new() { "coop", "preempt" };

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void UdpDatagramsFromTheHostAreEchoed(string scheduler)
    {
        const int Count = 200;
        const int Big = 4;
        string elf = scheduler == "preempt" ? Images.NetPingPreempt.Elf : Images.NetPing.Elf;
        using QemuSession session = QemuSession.BootElfForwarded(elf, "pings=1 echo=" + (Count + Big), 64,
            port => ["-netdev", "user,id=n0,hostfwd=udp:127.0.0.1:" + port + "-10.0.2.15:7", "-device", "virtio-net-pci,netdev=n0"],
            "net-ping: udp echo on 7", TimeSpan.FromSeconds(60), out int port);

        using var client = new UdpClient();
        client.Client.ReceiveTimeout = 2000;
        client.Connect(IPAddress.Loopback, port);
        int echoed = 0;
        var random = new Random(8);
        for (int n = 0; n < Count; n++)
        {
            byte[] datagram = RandomDatagram(random, random.Next(1, 1400));
            if (Exchange(client, datagram) is byte[] reply && reply.AsSpan().SequenceEqual(datagram))
                echoed++;
        }
        // Bigger than the MTU: QEMU fragments them, the guest reassembles and answers with
        // the length and byte sum.
        int reassembled = 0;
        foreach (int size in new[] { 1473, 3000, 8000, 16000 })
        {
            byte[] datagram = RandomDatagram(random, size);
            uint sum = 0;
            foreach (byte b in datagram)
                sum += b;
            if (Exchange(client, datagram) is byte[] reply && reply.Length == 8
                && System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(reply) == size
                && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(4)) == sum)
                reassembled++;
        }
        client.Send("quit"u8.ToArray());
        int exit = session.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(echoed >= Count * 9 / 10, "echoed " + echoed);
        Assert.True(reassembled >= 3, "reassembled " + reassembled);
        Assert.Contains(session.Lines, l => l.StartsWith("datagrams-reassembled ", StringComparison.Ordinal));
        Assert.Contains(session.Lines, l => l.StartsWith("net-ping: echoed ", StringComparison.Ordinal));
        Assert.DoesNotContain(session.Lines, l => l.StartsWith("drop-udp", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), exit);
    }

    // TCP through the guest glue (Network.Tcp): the host streams 1 MiB into a hostfwd port
    // while reading the echo back, then closes; the guest echoes until end of stream.
    [Theory]
    [MemberData(nameof(Schedulers))]
    public void TcpStreamIsEchoedWhole(string scheduler)
    {
        string elf = scheduler == "preempt" ? Images.NetPingPreempt.Elf : Images.NetPing.Elf;
        using QemuSession session = QemuSession.BootElfForwarded(elf, "pings=1 tcp", 64,
            port => ["-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-10.0.2.15:7", "-device", "virtio-net-pci,netdev=n0"],
            "net-ping: tcp echo on 7", TimeSpan.FromSeconds(60), out int port);

        var data = new byte[1 << 20];
        new Random(9).NextBytes(data);
        var received = new MemoryStream();
        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
            NetworkStream stream = client.GetStream();
            stream.ReadTimeout = 30000;
            var reader = new Thread(() =>
            {
                var chunk = new byte[65536];
                int n;
                try
                {
                    while (received.Length < data.Length && (n = stream.Read(chunk)) > 0)
                        received.Write(chunk, 0, n);
                }
                catch (IOException)
                {
                    // A stalled echo: the assertion below reports how far it got.
                }
            });
            reader.Start();
            stream.Write(data);
            Assert.True(reader.Join(TimeSpan.FromSeconds(60)), "echo incomplete: " + received.Length);
            client.Client.Shutdown(SocketShutdown.Send);
            Assert.Equal(0, stream.Read(new byte[16])); // the guest closes after our FIN
        }
        int exit = session.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(received.ToArray().AsSpan().SequenceEqual(data), "the echo differs");
        Assert.Contains("net-ping: tcp echoed 1048576 bytes", session.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), exit);
    }

    private static byte[] RandomDatagram(Random random, int size)
    {
        var datagram = new byte[size];
        random.NextBytes(datagram);
        datagram[0] = (byte)'d'; // never "quit"
        return datagram;
    }

    // Sends datagram and waits for the answer; null when none came (a datagram lost on the
    // host's loopback: the counts allow a few).
    private static byte[]? Exchange(UdpClient client, byte[] datagram)
    {
        client.Send(datagram);
        try
        {
            IPEndPoint? from = null;
            return client.Receive(ref from);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
