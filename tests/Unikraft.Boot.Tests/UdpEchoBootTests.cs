using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// apps/udpecho: datagrams from the host through hostfwd=udp come back unchanged, TCP echo on
// the same port works beside them (one guest thread and SocketPoller serve both), the guest
// got its address from QEMU's DHCP server, and it exits with its counters once done.
public sealed class UdpEchoBootTests
{
    [Fact]
    public void DatagramsAndStreamsAreEchoedFromOneThread()
    {
        const int Datagrams = 50;
        int port = LocalPorts.PickFree();
        using QemuSession session = QemuSession.BootElf(Images.UdpEcho.Elf, "-- datagrams=" + Datagrams, 64,
            "-netdev", $"user,id=n0,hostfwd=udp:127.0.0.1:{port}-:7,hostfwd=tcp:127.0.0.1:{port}-:7", "-device", "virtio-net-pci,netdev=n0");
        session.WaitForLine("udpecho: listening on 10.0.2.15:7", TimeSpan.FromSeconds(90));
        // On a busy host DHCP can outlast netstack.boot-wait-ms: the line then comes from the
        // network thread, after Main started.
        session.WaitForLine("[ info] netstack: eth0 10.0.2.15/24 gw 10.0.2.2 (dhcp)", TimeSpan.FromSeconds(30));

        var streams = new List<TcpClient>();
        for (int i = 0; i < 10; i++)
        {
            var client = new TcpClient { ReceiveTimeout = 30_000 };
            client.Connect("127.0.0.1", port);
            streams.Add(client);
        }
        for (int i = 0; i < streams.Count; i++)
        {
            byte[] message = Encoding.ASCII.GetBytes("stream " + i + " " + new string('s', 100 * i));
            NetworkStream stream = streams[i].GetStream();
            stream.Write(message);
            byte[] back = new byte[message.Length];
            stream.ReadExactly(back);
            Assert.Equal(message, back);
        }

        using var udp = new UdpClient();
        udp.Client.ReceiveTimeout = 5000;
        udp.Connect(IPAddress.Loopback, port);
        var random = new Random(4);
        int echoed = 0;
        for (int n = 0; n < Datagrams; n++)
        {
            byte[] datagram = new byte[random.Next(1, 1400)];
            random.NextBytes(datagram);
            udp.Send(datagram);
            IPEndPoint? from = null;
            try
            {
                byte[] back = udp.Receive(ref from);
                Assert.Equal(datagram, back);
                echoed++;
            }
            catch (SocketException)
            {
                // A datagram lost in QEMU's user network: UDP promises nothing; resend one.
                udp.Send(datagram);
            }
        }
        Assert.True(echoed >= Datagrams - 2, $"{echoed} of {Datagrams} echoed");
        foreach (TcpClient client in streams)
            client.Dispose();
        int exit = session.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.Equal(Qemu.ExitCodeFor(0), exit);
        Assert.Contains(session.Lines, l => l.StartsWith("udpecho: echoed ", StringComparison.Ordinal) && l.Contains("served 10 connections"));
        Assert.Contains(session.Lines, l => l.StartsWith("udp-received ", StringComparison.Ordinal));
    }

    // Above the MTU both ways: the host's datagrams reach the guest in fragments it
    // reassembles, its echoes and size-probe answers leave in fragments it makes; a size UDP
    // cannot carry is refused by the guest's socket, and udpecho answers why and carries on.
    [Fact]
    public void DatagramsUpToTheUdpLimitAreEchoedAndOneByteMoreRefused()
    {
        int port = LocalPorts.PickFree();
        using QemuSession session = QemuSession.BootElf(Images.UdpEcho.Elf, "-- size-probe=1", 64,
            "-netdev", $"user,id=n0,hostfwd=udp:127.0.0.1:{port}-:7", "-device", "virtio-net-pci,netdev=n0");
        session.WaitForLine("udpecho: listening on 10.0.2.15:7", TimeSpan.FromSeconds(90));
        session.WaitForLine("[ info] netstack: eth0 10.0.2.15/24", TimeSpan.FromSeconds(30));
        using var udp = new UdpClient();
        udp.Client.ReceiveBufferSize = 1 << 20;
        udp.Client.ReceiveTimeout = 3000;
        udp.Connect(IPAddress.Loopback, port);

        foreach (int size in new[] { 1, 1472, 1473, 8192, 65507 })
        {
            byte[] datagram = new byte[size];
            new Random(size).NextBytes(datagram);
            Assert.Equal(datagram, Ask(udp, datagram));
            byte[] expected = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
            Assert.Equal(expected, Ask(udp, Encoding.ASCII.GetBytes("size " + size)));
        }
        string refusal = Encoding.ASCII.GetString(Ask(udp, Encoding.ASCII.GetBytes("size 65508")));
        Assert.StartsWith("refused: a datagram of 65508 bytes is longer than UDP over IPv4 carries", refusal);
        // Still serving after the refusal.
        Assert.Equal(new byte[] { 7 }, Ask(udp, new byte[] { 7 }));
        Assert.DoesNotContain(session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }

    // The guest's answer to datagram; sent again (up to three times) if the user network lost one.
    private static byte[] Ask(UdpClient udp, byte[] datagram)
    {
        for (int attempt = 0; ; attempt++)
        {
            udp.Send(datagram);
            try
            {
                IPEndPoint? from = null;
                return udp.Receive(ref from);
            }
            catch (SocketException) when (attempt < 2)
            {
            }
        }
    }
}
