using Uk.Net;
using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// What an observer must not be able to predict (RFC 6528, RFC 6056): initial sequence numbers
// are a keyed hash of the 4-tuple plus a 4 us clock, so numbers seen on other connections say
// nothing about the next one's; client ports start at a random place each time.
public sealed class TcpRandomnessTests
{
    private static readonly IPv4Address Local = new(10, 0, 2, 15);
    private static readonly IPv4Address Remote = new(10, 0, 2, 2);

    [Fact]
    public void SipHashMatchesTheReferenceVector()
    {
        // Key 00..0f, message 00..0f: the reference implementation's vector for 16 bytes.
        Assert.Equal(0x3F2ACC7F57C29BDBUL, SipHash.Hash(0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL, 0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL));
    }

    [Fact]
    public void SipHashOfThreeWordsMatchesTheReferenceVector()
    {
        // Key 00..0f, message 00..17: the reference implementation's vector for 24 bytes.
        Assert.Equal(0xB8AD50C6F649AF94UL, SipHash.Hash(0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL,
            0x0706050403020100UL, 0x0F0E0D0C0B0A0908UL, 0x1716151413121110UL));
    }

    [Fact]
    public void OnOneFourTupleTheNumberAdvancesWithTheClock()
    {
        var isn = new InitialSequenceNumbers(new Random64(1));
        uint first = isn.For(Local, 80, Remote, 40000, 1_000_000_000);
        uint later = isn.For(Local, 80, Remote, 40000, 1_004_000_000);
        Assert.Equal(1000u, later - first);
    }

    [Fact]
    public void NeighbouringFourTuplesGiveUnrelatedNumbers()
    {
        var isn = new InitialSequenceNumbers(new Random64(2));
        const long Now = 5_000_000_000;
        uint[] numbers = Enumerable.Range(0, 1000).Select(p => isn.For(Local, 80, Remote, (ushort)(40000 + p), Now)).ToArray();
        Assert.Equal(1000, numbers.Distinct().Count());
        // The difference between consecutive ports' numbers is no constant an observer could
        // learn: each bit of it is set about half the time.
        uint[] differences = numbers.Zip(numbers.Skip(1), (a, b) => b - a).ToArray();
        for (int bit = 0; bit < 32; bit++)
            Assert.InRange(differences.Count(d => (d >> bit & 1) != 0), 400, 600);
    }

    [Fact]
    public void AnotherSecretGivesOtherNumbers()
    {
        uint a = new InitialSequenceNumbers(new Random64(3)).For(Local, 80, Remote, 40000, 0);
        uint b = new InitialSequenceNumbers(new Random64(4)).For(Local, 80, Remote, 40000, 0);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void ClientPortsDoNotFollowEachOther()
    {
        var tcp = new TcpLayer(new CapturingIp(), new TcpOptions { Seed = 5 });
        ushort[] ports = Enumerable.Range(0, 50).Select(_ => tcp.TryConnect(Remote, 80, 0)!.LocalPort).ToArray();
        Assert.All(ports, p => Assert.InRange(p, (ushort)49152, ushort.MaxValue));
        Assert.Equal(50, ports.Distinct().Count());
        int consecutive = ports.Zip(ports.Skip(1), (a, b) => b - a == 1 ? 1 : 0).Sum();
        Assert.True(consecutive < 3, string.Join(",", ports));
    }

    [Fact]
    public void AKeyGivesAStackOtherNumbersThanAnotherKey()
    {
        uint[] key = [1, 2, 3, 4, 5, 6, 7, 8];
        uint[] other = [1, 2, 3, 4, 5, 6, 7, 9];
        Assert.NotEqual(new Random64(key).Next(), new Random64(other).Next());
        Assert.Equal(new Random64(key).Next(), new Random64(key).Next());
    }
}
