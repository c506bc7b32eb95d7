using Uk.Net;

namespace Unikraft.Net.Tests;

public class ChecksumPropertyTests
{
    // RFC 1071 word by word, the way the RFC writes it.
    private static ushort Reference(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            sum += (uint)(data[i] << 8 | (i + 1 < data.Length ? data[i + 1] : 0));
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (ushort)~sum;
    }

    [Fact]
    public void MatchesTheReferenceAtEveryLengthAndEvenSplit()
    {
        var random = new Random(11);
        for (int n = 0; n < 1000; n++)
        {
            var data = new byte[random.Next(0, n < 100 ? 40 : 70000)];
            random.NextBytes(data);
            if (n % 7 == 0)
                Array.Fill(data, (byte)0xFF);
            Assert.Equal(Reference(data), InternetChecksum.Compute(data));
            int split = random.Next(0, data.Length / 2 + 1) * 2;
            uint pieces = InternetChecksum.Add(InternetChecksum.Add(0, data.AsSpan(0, split)), data.AsSpan(split));
            Assert.Equal(Reference(data), InternetChecksum.Finish(pieces));
        }
    }
}
