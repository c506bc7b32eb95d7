using System.Text;
using HttpServer;

namespace Unikraft.Http.Tests;

public sealed class PagesTests
{
    [Fact]
    public void TheIndexHasTheBenchmarksSize()
    {
        byte[] index = new Pages().Find("/")!;
        Assert.Equal(612, index.Length);
        string text = Encoding.ASCII.GetString(index);
        Assert.StartsWith("<!DOCTYPE html>", text);
        Assert.EndsWith("</html>\n", text);
    }

    [Theory]
    [InlineData("bytes=0", 0L)]
    [InlineData("bytes=10485760", 10485760L)]
    [InlineData("bytes=", -1L)]
    [InlineData("bytes=12x", -1L)]
    [InlineData("size=5", -1L)]
    [InlineData("bytes=99999999999", -1L)]
    public void GeneratedLengthsAreParsedAndBounded(string query, long expected) => Assert.Equal(expected, Pages.GeneratedLength(query));

    [Fact]
    public void GeneratedContentDoesNotDependOnHowItIsChunked()
    {
        byte[] whole = new byte[10_000];
        Pages.Generate(0, whole);
        byte[] pieces = new byte[10_000];
        for (int offset = 0; offset < pieces.Length; offset += 777)
            Pages.Generate(offset, pieces.AsSpan(offset, Math.Min(777, pieces.Length - offset)));
        Assert.Equal(whole, pieces);
        Assert.Equal((byte)'\n', whole[63]);
        Assert.Equal((byte)'a', whole[0]);
    }

    [Fact]
    public void ResponseHeadsCarryLengthAndConnection()
    {
        byte[] buffer = new byte[256];
        int length = HttpResponse.WriteHead(buffer, 404, "text/plain", 14, keepAlive: false);
        string head = Encoding.ASCII.GetString(buffer, 0, length);
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", head);
        Assert.Contains("\r\nContent-Length: 14\r\n", head);
        Assert.EndsWith("\r\nConnection: close\r\n\r\n", head);
    }
}
