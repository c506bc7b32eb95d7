using System.Globalization;
using System.Text.RegularExpressions;

namespace Unikraft.Boot.Tests;

// tests/apps/net-loopback: TCP in the guest without a device - two TcpLayers joined by an
// in-memory link that loses and reorders segments, a seeded stream each way, both ends
// closing; the guest hashes what it sent and what arrived.
public sealed partial class NetworkLoopbackBootTests
{
    [Theory]
    [InlineData(4096, 20, 1)]
    [InlineData(1024, 100, 7)]
    [InlineData(2048, 0, 3)]
    public void StreamsCrossALossyLinkIntactBothWays(int kib, int lossPerMille, int seed)
    {
        HostProcessResult run = Qemu.BootElf(Images.NetLoopback.Elf, $"kib={kib} loss={lossPerMille} seed={seed}", memoryMiB: 64, timeoutSeconds: 120);

        Assert.False(run.TimedOut, run.Output);
        long expected = kib * 1024L;
        foreach (string direction in new[] { "a->b", "b->a" })
        {
            Match match = Assert.Single(run.Lines.Select(line => DirectionLine().Match(line)), m => m.Success && m.Groups[1].Value == direction);
            Assert.Equal(expected, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.Equal(expected, long.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture));
            Assert.Equal(match.Groups[3].Value, match.Groups[5].Value);
        }
        // The two directions carry different streams, so equal hashes would mean a broken generator.
        string[] hashes = run.Lines.Select(line => DirectionLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[3].Value).ToArray();
        Assert.NotEqual(hashes[0], hashes[1]);

        Match link = Assert.Single(run.Lines.Select(line => LinkLine().Match(line)), m => m.Success);
        long dropped = long.Parse(link.Groups[2].Value, CultureInfo.InvariantCulture);
        long retransmissions = Counter(run, "tcp a:", "tcp-retransmissions") + Counter(run, "tcp b:", "tcp-retransmissions");
        if (lossPerMille > 0)
        {
            Assert.True(dropped > 0, run.Output);
            // Pure ACKs are lost too and need no resending, so only some resending is certain.
            Assert.True(retransmissions > 0, "lost segments must be sent again:\n" + run.Output);
        }
        else
            Assert.Equal(0, dropped); // (reordering alone still sets off fast retransmits)
        Assert.Contains("net-loopback: connections left 0 and 0, reset False", run.Lines);
        Assert.Contains("net-loopback: ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // A counter from the block the guest prints after a "tcp a:"/"tcp b:" heading (0 when the
    // block leaves it out because it is zero).
    private static long Counter(HostProcessResult run, string heading, string name)
    {
        List<string> lines = run.Lines.ToList();
        int start = lines.IndexOf(heading);
        Assert.True(start >= 0, run.Output);
        for (int i = start + 1; i < lines.Count && (lines[i].StartsWith("tcp-", StringComparison.Ordinal) || lines[i].StartsWith("drop-", StringComparison.Ordinal)); i++)
        {
            string[] parts = lines[i].Split(' ');
            if (parts[0] == name)
                return long.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    [GeneratedRegex(@"^net-loopback: (a->b|b->a) sent (\d+) hash ([0-9a-f]{16}), received (\d+) hash ([0-9a-f]{16}) match$")]
    private static partial Regex DirectionLine();

    [GeneratedRegex(@"^net-loopback: link (\d+) segments, (\d+) dropped")]
    private static partial Regex LinkLine();
}
