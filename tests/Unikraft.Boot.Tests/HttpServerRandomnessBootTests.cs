using System.Buffers.Binary;
using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// The kernel's generator seen from outside: two boots of apps/httpserver (QEMU's default CPU,
// which has no RDRAND, and -cpu max, which has it) name their seed sources, and the initial
// sequence numbers of their SYN-ACKs, read from a capture of the guest's frames
// (filter-dump), are all different, differ between the boots, and follow no pattern from one
// connection to the next.
public sealed class HttpServerRandomnessBootTests
{
    private const int Connections = 40;

    [Fact]
    public void SeedSourcesAreLoggedAndSequenceNumbersFollowNoPattern()
    {
        (List<uint> plain, string plainSources) = Boot([]);
        (List<uint> max, string maxSources) = Boot(["-cpu", "max"]);

        Assert.Contains("tsc jitter", plainSources);
        Assert.DoesNotContain("rdrand", plainSources);
        Assert.Contains("rdrand (512 bits)", maxSources);
        Assert.Equal(Connections, plain.Count);
        Assert.Equal(Connections, max.Count);
        Assert.Equal(2 * Connections, plain.Concat(max).Distinct().Count());
        foreach (List<uint> numbers in new[] { plain, max })
        {
            // A counter or a clock would give small, similar steps; a keyed hash gives steps
            // with every bit set about half the time.
            uint[] steps = numbers.Zip(numbers.Skip(1), (a, b) => b - a).ToArray();
            Assert.Equal(steps.Length, steps.Distinct().Count());
            for (int bit = 8; bit < 32; bit++)
                Assert.InRange(steps.Count(s => (s >> bit & 1) != 0), 5, steps.Length - 5);
        }
    }

    // The SYN-ACK sequence numbers of Connections connections to a fresh boot, and the boot's
    // seed line.
    private static (List<uint> Numbers, string Sources) Boot(string[] extra)
    {
        int port = LocalPorts.PickFree();
        string capture = Path.Combine(Path.GetTempPath(), "uk-isn-" + Guid.NewGuid().ToString("N") + ".pcap");
        try
        {
            using (QemuSession session = QemuSession.BootElf(Images.HttpServer.Elf, "", 128,
                [.. extra, "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80", "-device", "virtio-net-pci,netdev=n0",
                 "-object", "filter-dump,id=dump0,netdev=n0,file=" + capture]))
            {
                session.WaitForLine("httpserver: listening on http://10.0.2.15:80/", TimeSpan.FromSeconds(90));
                for (int i = 0; i < Connections; i++)
                {
                    using var client = new TcpClient();
                    client.Connect("127.0.0.1", port);
                    client.GetStream().Write("GET / HTTP/1.1\r\nHost: g\r\nConnection: close\r\n\r\n"u8);
                    client.GetStream().CopyTo(Stream.Null);
                }
                string sources = session.Lines.Single(l => l.StartsWith("[ info] random: chacha20 seeded from ", StringComparison.Ordinal));
                session.Kill();
                return (SynAckSequenceNumbers(File.ReadAllBytes(capture)), sources);
            }
        }
        finally
        {
            File.Delete(capture);
        }
    }

    // From a pcap file of Ethernet frames: the sequence number of every SYN-ACK sent from port 80.
    private static List<uint> SynAckSequenceNumbers(byte[] pcap)
    {
        var numbers = new List<uint>();
        for (int at = 24; at + 16 <= pcap.Length;)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(pcap.AsSpan(at + 8));
            ReadOnlySpan<byte> frame = pcap.AsSpan(at + 16, Math.Min(length, pcap.Length - at - 16));
            at += 16 + length;
            if (frame.Length < 54 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || frame[23] != 6)
                continue;
            ReadOnlySpan<byte> tcp = frame[(14 + (frame[14] & 0xF) * 4)..];
            if (BinaryPrimitives.ReadUInt16BigEndian(tcp) == 80 && (tcp[13] & 0x12) == 0x12)
                numbers.Add(BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]));
        }
        return numbers;
    }
}
