using System.Net;
using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// Two guests (tests/apps/net-blast), each on a dgram netdev whose other end is this test,
// which relays frames between them and drops, duplicates and reorders some with a seeded
// RNG. A sends a pattern over TCP to B, which checks every byte. CI sends 2 MiB (about 10 s
// under TCG); UK_BLAST_BYTES=104857600 runs the 100 MB by hand.
public sealed class NetworkGuestToGuestBootTests
{
    private static readonly long Bytes = long.TryParse(Environment.GetEnvironmentVariable("UK_BLAST_BYTES"), out long bytes) ? bytes : 2 << 20;

    private sealed class Relay : IDisposable
    {
        private readonly UdpClient _a, _b;
        private readonly IPEndPoint _qemuA, _qemuB;
        private readonly Thread _thread;
        private volatile bool _stopped;
        public int Forwarded, Dropped, Duplicated, Reordered;

        public Relay(int port)
        {
            _a = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            _b = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
            _qemuA = new IPEndPoint(IPAddress.Loopback, port + 2);
            _qemuB = new IPEndPoint(IPAddress.Loopback, port + 3);
            _thread = new Thread(Run) { IsBackground = true };
            _thread.Start();
        }

        private void Run()
        {
            var random = new Random(2024);
            byte[]? heldForA = null, heldForB = null;
            while (!_stopped)
            {
                bool any = false;
                if (_a.Available > 0) { any = true; Pass(_a, _b, _qemuB, random, ref heldForB); }
                if (_b.Available > 0) { any = true; Pass(_b, _a, _qemuA, random, ref heldForA); }
                if (!any) Thread.Sleep(1);
            }
        }

        // One frame from `from` towards the other guest: 2% dropped, 1% duplicated, 1% held
        // back and sent after the next one.
        private void Pass(UdpClient from, UdpClient to, IPEndPoint target, Random random, ref byte[]? held)
        {
            IPEndPoint? sender = null;
            byte[] frame = from.Receive(ref sender);
            int roll = random.Next(100);
            if (roll < 2) { Dropped++; return; }
            if (roll < 3 && held is null) { held = frame; Reordered++; return; }
            to.Send(frame, frame.Length, target);
            Forwarded++;
            if (roll < 4) { to.Send(frame, frame.Length, target); Duplicated++; }
            if (held is not null) { to.Send(held, held.Length, target); held = null; }
        }

        public void Dispose()
        {
            _stopped = true;
            _thread.Join();
            _a.Dispose();
            _b.Dispose();
        }
    }

    private static string[] Netdev(int local, int remote, string mac) =>
    [
        "-netdev", $"dgram,id=n0,local.type=inet,local.host=127.0.0.1,local.port={local},remote.type=inet,remote.host=127.0.0.1,remote.port={remote}",
        "-device", $"virtio-net-pci,netdev=n0,mac={mac}",
    ];

    [Fact]
    public void TcpStreamBetweenTwoGuestsSurvivesLossDuplicationAndReordering()
    {
        int port = Random.Shared.Next(20000, 40000) & ~3;
        using var relay = new Relay(port);
        using QemuSession receiver = QemuSession.BootElf(Images.NetBlast.Elf, "net.ip=10.0.2.16/24 net.gw=10.0.2.2 -- receive", 64,
            Netdev(port + 3, port + 1, "52:54:00:12:34:16"));
        receiver.WaitForLine("net-blast: listening on 5001", TimeSpan.FromSeconds(90));
        using QemuSession sender = QemuSession.BootElf(Images.NetBlast.Elf, $"net.ip=10.0.2.15/24 net.gw=10.0.2.2 -- send=10.0.2.16:{Bytes}", 64,
            Netdev(port + 2, port, "52:54:00:12:34:15"));

        int receiverExit = receiver.WaitForExit(TimeSpan.FromMinutes(4));
        int senderExit = sender.WaitForExit(TimeSpan.FromMinutes(2));
        long expectedSum = 0;
        for (long i = 0; i < Bytes; i++)
            expectedSum += (byte)(i * 31 + i / 4099);
        Assert.Contains($"net-blast: sent {Bytes} sum {expectedSum}", sender.Lines);
        Assert.Contains($"net-blast: received {Bytes} sum {expectedSum} mismatches 0", receiver.Lines);
        Assert.True(relay.Dropped > 0 && relay.Duplicated > 0 && relay.Reordered > 0, "the relay spoiled some frames");
        Assert.Equal(Qemu.ExitCodeFor(0), receiverExit);
        Assert.Equal(Qemu.ExitCodeFor(0), senderExit);
    }
}
