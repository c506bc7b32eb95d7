using Uk.Core;

namespace Unikraft.Kernel.Tests;

// The kernel's random generator from its parts: the ChaCha20 block against RFC 8439's vector
// (also what `openssl enc -chacha20` gives), the generator's determinism per key and its
// key erasure, and the seed pool's sensitivity to every sample.
public sealed class RandomTests
{
    [Fact]
    public void ChaCha20BlockMatchesRfc8439()
    {
        uint[] key = Enumerable.Range(0, 8).Select(i => (uint)(4 * i | (4 * i + 1) << 8 | (4 * i + 2) << 16 | (4 * i + 3) << 24)).ToArray();
        uint[] state = new uint[16];
        ChaCha20.Initialize(state, key, 1, [0x09000000, 0x4A000000, 0x00000000]);
        uint[] output = new uint[16];
        ChaCha20.Block(state, output);
        Assert.Equal(new uint[]
        {
            0xE4E7F110, 0x15593BD1, 0x1FDD0F50, 0xC47120A3, 0xC7F4D1C7, 0x0368C033, 0x9AAA2204, 0x4E6CD4C3,
            0x466482D2, 0x09AA9F07, 0x05D7C214, 0xA2028BD9, 0xD19C12B5, 0xB94E16DE, 0xE883D0CB, 0x4E3C50A2,
        }, output);
    }

    [Fact]
    public void TheSameKeyGivesTheSameNumbersAndAnotherKeyOthers()
    {
        ulong[] a = Take(ChaCha20Generator.FromSeed(1), 100);
        Assert.Equal(a, Take(ChaCha20Generator.FromSeed(1), 100));
        ulong[] b = Take(ChaCha20Generator.FromSeed(2), 100);
        Assert.Empty(a.Intersect(b));
        Assert.Equal(100, a.Distinct().Count());
    }

    [Fact]
    public void OutputLooksUniform()
    {
        var generator = ChaCha20Generator.FromSeed(3);
        int[] ones = new int[64];
        const int Samples = 20_000;
        for (int i = 0; i < Samples; i++)
        {
            ulong value = generator.NextUInt64();
            for (int bit = 0; bit < 64; bit++)
                ones[bit] += (int)(value >> bit & 1);
        }
        // Each bit set half the time, within 4 standard deviations (sqrt(20000) / 2 = 71).
        Assert.All(ones, count => Assert.InRange(count, Samples / 2 - 284, Samples / 2 + 284));
    }

    [Fact]
    public void FillTakesAnyLength()
    {
        var generator = ChaCha20Generator.FromSeed(4);
        byte[] bytes = new byte[37];
        generator.Fill(bytes);
        Assert.True(bytes.Count(b => b != 0) > 30);
        Assert.NotEqual(0, bytes[36]);
    }

    [Fact]
    public void RekeyingChangesTheStream()
    {
        var generator = ChaCha20Generator.FromSeed(5);
        var same = ChaCha20Generator.FromSeed(5);
        generator.NextUInt64();
        same.NextUInt64();
        generator.Rekey([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.NotEqual(Take(same, 20), Take(generator, 20));
    }

    [Fact]
    public void ThePoolGivesTheSameSeedForTheSameSamplesOnly()
    {
        uint[] first = Extract([1, 2, 3, 4, 5]);
        Assert.Equal(first, Extract([1, 2, 3, 4, 5]));
        Assert.NotEqual(first, Extract([1, 2, 3, 4, 4]));
        Assert.NotEqual(first, Extract([1, 2, 3, 4, 5, 0]));
        Assert.NotEqual(first, Extract([1, 2, 3, 4]));
        // One flipped bit in any sample changes about half the seed's bits.
        uint[] flipped = Extract([1, 2, 3, 4, 5 ^ 1UL << 40]);
        int changed = first.Zip(flipped, (x, y) => System.Numerics.BitOperations.PopCount(x ^ y)).Sum();
        Assert.InRange(changed, 80, 176);
    }

    [Fact]
    public void ThePoolNeverGivesTheSameSeedTwice()
    {
        var pool = new EntropyPool();
        pool.Add(7);
        uint[] a = new uint[8];
        uint[] b = new uint[8];
        pool.Extract(a);
        pool.Extract(b);
        Assert.NotEqual(a, b);
        Assert.Equal(1, pool.Samples);
    }

    private static ulong[] Take(ChaCha20Generator generator, int count) => Enumerable.Range(0, count).Select(_ => generator.NextUInt64()).ToArray();

    private static uint[] Extract(ulong[] samples)
    {
        var pool = new EntropyPool();
        foreach (ulong sample in samples)
            pool.Add(sample);
        uint[] key = new uint[8];
        pool.Extract(key);
        return key;
    }
}
