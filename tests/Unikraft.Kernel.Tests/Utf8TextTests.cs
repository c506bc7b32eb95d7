using System.Text;
using Uk.Core;

namespace Unikraft.Kernel.Tests;

// Main's argv bytes must be what .NET's own UTF-8 encoder makes of the arguments.
public sealed class Utf8TextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("\u00ff\u00fe caf\u00e9")]
    [InlineData("\u20ac \u4e2d\u6587")]
    [InlineData("\ud83d\ude00 emoji")]
    [InlineData("lone \ud800 high and \udc00 low")]
    public void BytesMatchDotnetsEncoderPlusTheTerminator(string text)
    {
        byte[] expected = [.. new UTF8Encoding(false, false).GetBytes(text), 0];

        Assert.Equal(expected, Utf8Text.EncodeNullTerminated(text));
    }

    [Fact]
    public void RandomStringsMatchDotnetsEncoder()
    {
        var random = new Random(7);
        for (int round = 0; round < 500; round++)
        {
            char[] chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = (char)random.Next(0, 0x10000);
            string text = new string(chars);
            Assert.Equal([.. new UTF8Encoding(false, false).GetBytes(text), 0], Utf8Text.EncodeNullTerminated(text));
        }
    }
}
