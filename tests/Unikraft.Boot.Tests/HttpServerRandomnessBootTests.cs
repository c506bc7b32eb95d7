using System.Buffers.Binary;
using System.Net.Sockets;

namespace Unikraft.Boot.Tests;

// The kernel's generator seen from outside, as the issue asks: 20 boots of apps/httpserver,
// alternately on QEMU's default CPU (no RDRAND) and -cpu max (RDRAND), name their seed sources
// and answer 1,000 connections each; the initial sequence numbers of their SYN-ACKs, read
// from a capture of the guest's frames (filter-dump), follow no pattern from one connection
// to the next nor from one boot to the next. The bounds are five standard deviations of what
// independent uniform numbers give, so a sound generator fails them about once in a million.
public sealed class HttpServerRandomnessBootTests
{
    private const int Boots = 20;
    private const int Connections = 1000;

    [Fact]
    public void SeedSourcesAreLoggedAndSequenceNumbersFollowNoPattern()
    {
        var boots = new List<List<uint>>();
        for (int boot = 0; boot < Boots; boot++)
        {
            bool rdrand = boot % 2 == 1;
            (List<uint> numbers, string sources) = Boot(rdrand ? ["-cpu", "max"] : []);
            if (rdrand)
            {
                Assert.Contains("rdrand (512 bits)", sources);
            }
            else
            {
                Assert.Contains("tsc jitter", sources);
                Assert.DoesNotContain("rdrand", sources);
            }
            Assert.Equal(Connections, numbers.Count);
            AssertNoPattern(numbers, "boot " + boot);
            boots.Add(numbers);
        }
        // No boot starts where another did, and the n-th connections of two boots in a row
        // have unrelated numbers.
        Assert.Equal(Boots, boots.Select(numbers => numbers[0]).Distinct().Count());
        for (int boot = 1; boot < Boots; boot++)
            AssertUncorrelated(boots[boot - 1], boots[boot], "boots " + (boot - 1) + " and " + boot);
    }

    // A counter or a clock gives small, similar steps; a keyed hash gives steps with every
    // bit set about half the time, hardly a step twice (one repeat among 999 random 32-bit
    // steps comes once in 8,600 boots, two far more rarely), and no relation between one
    // number and the next.
    private static void AssertNoPattern(List<uint> numbers, string what)
    {
        uint[] steps = numbers.Zip(numbers.Skip(1), (a, b) => b - a).ToArray();
        Assert.True(steps.Length - steps.Distinct().Count() <= 1, what + ": repeated steps");
        double spread = 5 * Math.Sqrt(steps.Length) / 2;
        for (int bit = 8; bit < 32; bit++)
            Assert.InRange(steps.Count(s => (s >> bit & 1) != 0), steps.Length / 2.0 - spread, steps.Length / 2.0 + spread);
        AssertUncorrelated(numbers.SkipLast(1).ToList(), numbers.Skip(1).ToList(), what + ", each number with the next");
    }

    // Pearson's correlation within five standard deviations (1/sqrt(n)) of zero.
    private static void AssertUncorrelated(List<uint> first, List<uint> second, string what)
    {
        int n = Math.Min(first.Count, second.Count);
        double meanX = first.Take(n).Average(x => (double)x), meanY = second.Take(n).Average(y => (double)y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = first[i] - meanX, dy = second[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.Sqrt(sxx * syy);
        Assert.True(Math.Abs(r) <= 5 / Math.Sqrt(n), what + ": correlation " + r.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
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

    // From a pcap file of Ethernet frames: the sequence number of every SYN-ACK sent from port 80, in order.
    private static List<uint> SynAckSequenceNumbers(byte[] pcap)
    {
        var numbers = new List<uint>();
        var seen = new HashSet<ulong>();
        for (int at = 24; at + 16 <= pcap.Length;)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(pcap.AsSpan(at + 8));
            ReadOnlySpan<byte> frame = pcap.AsSpan(at + 16, Math.Min(length, pcap.Length - at - 16));
            at += 16 + length;
            if (frame.Length < 54 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || frame[23] != 6)
                continue;
            ReadOnlySpan<byte> tcp = frame[(14 + (frame[14] & 0xF) * 4)..];
            // A retransmitted SYN-ACK repeats its connection's port and number: counted once.
            if (BinaryPrimitives.ReadUInt16BigEndian(tcp) == 80 && (tcp[13] & 0x12) == 0x12
                && seen.Add(((ulong)BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(tcp[4..])))
                numbers.Add(BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]));
        }
        return numbers;
    }
}
