using Uk.Net;

namespace Unikraft.Net.Tests;

public sealed class InternetChecksumTests
{
    // The IPv4 header example worked through in RFC 1071's successors (checksum 0xB861).
    private static readonly byte[] s_header =
        [0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7];

    [Fact]
    public void ComputesTheKnownHeaderChecksum() => Assert.Equal(0xB861, InternetChecksum.Compute(s_header));

    [Fact]
    public void AHeaderWithItsChecksumValidates()
    {
        byte[] header = (byte[])s_header.Clone();
        NetworkOrder.WriteUInt16(header.AsSpan(10), InternetChecksum.Compute(header));
        Assert.True(InternetChecksum.IsValid(header));
        header[3] ^= 1;
        Assert.False(InternetChecksum.IsValid(header));
    }

    [Theory]
    [InlineData("10.0.2.15", true, 0x0A00020FU)]
    [InlineData("255.255.255.255", true, 0xFFFFFFFFU)]
    [InlineData("256.0.0.1", false, 0U)]
    [InlineData("1.2.3", false, 0U)]
    [InlineData("1.2.3.4.", false, 0U)]
    [InlineData("1..3.4", false, 0U)]
    public void ParsesDottedQuads(string text, bool valid, uint value)
    {
        Assert.Equal(valid, IPv4Address.TryParse(text, out IPv4Address address));
        Assert.Equal(value, address.Value);
        if (valid)
            Assert.Equal(text, address.ToString());
    }
}
