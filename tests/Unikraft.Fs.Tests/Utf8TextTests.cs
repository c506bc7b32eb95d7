using System.Text;
using Uk.Vfs;

namespace Unikraft.Fs.Tests;

// vfscore's UTF-8 (File.ReadAllText/WriteAllText in the guest) against .NET's.
public class Utf8TextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii\n")]
    [InlineData("caf\u00e9 \u20ac \u4e2d\u6587")]
    [InlineData("emoji \U0001F600 and more")]
    public void EncodesAndDecodesLikeDotnet(string text)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(text), Utf8Text.Encode(text));
        Assert.Equal(text, Utf8Text.Decode(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void InvalidBytesBecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFDb", Utf8Text.Decode([(byte)'a', 0xFF, (byte)'b']));
        Assert.Equal("a\uFFFD", Utf8Text.Decode([(byte)'a', 0xE2, 0x82]));
        Assert.Equal("bom", Utf8Text.Decode([0xEF, 0xBB, 0xBF, (byte)'b', (byte)'o', (byte)'m']));
    }
}
