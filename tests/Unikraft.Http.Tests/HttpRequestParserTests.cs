using System.Text;
using HttpServer;

namespace Unikraft.Http.Tests;

public sealed class HttpRequestParserTests
{
    private static readonly HttpLimits Limits = new();

    private static (HttpParseStatus Status, HttpRequest Request, int HeadLength) Parse(string text, HttpLimits? limits = null)
    {
        var request = new HttpRequest();
        HttpParseStatus status = HttpRequestParser.TryParse(Encoding.ASCII.GetBytes(text), limits ?? Limits, request, out int head);
        return (status, request, head);
    }

    [Fact]
    public void ASimpleGet()
    {
        const string Text = "GET /index.html?x=1 HTTP/1.1\r\nHost: a\r\nUser-Agent: curl\r\n\r\n";
        var (status, request, head) = Parse(Text);
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/index.html", request.Path);
        Assert.Equal("x=1", request.Query);
        Assert.True(request.KeepAlive);
        Assert.Equal(Text.Length, head);
    }

    [Theory]
    [InlineData("GET / HTTP/1.0\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\r\nconnection:   CLOSE  \r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\n\n", true)]
    public void KeepAliveFollowsVersionAndConnectionHeader(string text, bool keepAlive)
    {
        var (status, request, _) = Parse(text);
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal(keepAlive, request.KeepAlive);
    }

    [Fact]
    public void EveryPrefixOfAValidRequestIsIncomplete()
    {
        const string Text = "GET /a HTTP/1.1\r\nHost: example\r\nAccept: */*\r\n\r\n";
        for (int length = 0; length < Text.Length; length++)
            Assert.Equal(HttpParseStatus.Incomplete, Parse(Text[..length]).Status);
        Assert.Equal(HttpParseStatus.Complete, Parse(Text).Status);
    }

    [Fact]
    public void PipelinedRequestsParseOneAtATime()
    {
        const string First = "GET /1 HTTP/1.1\r\n\r\n";
        const string Second = "HEAD /2 HTTP/1.1\r\n\r\n";
        var (status, request, head) = Parse(First + Second);
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal("/1", request.Path);
        Assert.Equal(First.Length, head);
        var second = Parse(Second);
        Assert.True(second.Request.IsHead);
        Assert.Equal("/2", second.Request.Path);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET index.html HTTP/1.1\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("get / HTTP/1.1\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/2.0\r\n\r\n", HttpParseStatus.VersionNotSupported)]
    [InlineData("GET / HTTP/1.2\r\n\r\n", HttpParseStatus.VersionNotSupported)]
    [InlineData("GET / FTP/1.1\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/1.1\r\nNoColon\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/1.1\r\nHost : a\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/1.1\r\n folded\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n", HttpParseStatus.PayloadTooLarge)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", HttpParseStatus.BadRequest)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", HttpParseStatus.NotImplemented)]
    [InlineData("GET /\u0001 HTTP/1.1\r\n\r\n", HttpParseStatus.BadRequest)]
    public void MalformedRequestsNameTheirStatus(string text, HttpParseStatus expected) => Assert.Equal(expected, Parse(text).Status);

    [Fact]
    public void LimitsAreEnforcedBeforeTheHeadIsComplete()
    {
        var limits = new HttpLimits { MaxRequestLine = 64, MaxHeaderBytes = 256, MaxHeaders = 4 };
        Assert.Equal(HttpParseStatus.UriTooLong, Parse("GET /" + new string('a', 100), limits).Status);
        Assert.Equal(HttpParseStatus.UriTooLong, Parse("GET /" + new string('a', 100) + " HTTP/1.1\r\n\r\n", limits).Status);
        Assert.Equal(HttpParseStatus.HeadersTooLarge, Parse("GET / HTTP/1.1\r\nX: " + new string('b', 300), limits).Status);
        string five = string.Concat(Enumerable.Range(0, 5).Select(i => $"H{i}: v\r\n"));
        Assert.Equal(HttpParseStatus.HeadersTooLarge, Parse("GET / HTTP/1.1\r\n" + five + "\r\n", limits).Status);
        Assert.Equal(HttpParseStatus.Complete, Parse("GET / HTTP/1.1\r\n" + five[..^7] + "\r\n", limits).Status);
    }

    [Fact]
    public void BodiesWithinTheLimitAreMeasured()
    {
        var (status, request, _) = Parse("POST /form HTTP/1.1\r\nContent-Length: 42\r\n\r\n");
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal(42, request.ContentLength);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(3);
        string[] seeds = ["GET / HTTP/1.1\r\nHost: a\r\n\r\n", "POST /x HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello"];
        for (int i = 0; i < 50_000; i++)
        {
            byte[] data;
            if (i % 2 == 0)
            {
                data = new byte[random.Next(0, 300)];
                random.NextBytes(data);
            }
            else
            {
                data = Encoding.ASCII.GetBytes(seeds[random.Next(seeds.Length)]);
                for (int m = random.Next(1, 4); m > 0; m--)
                    data[random.Next(data.Length)] = (byte)random.Next(256);
            }
            var request = new HttpRequest();
            HttpParseStatus status = HttpRequestParser.TryParse(data, Limits, request, out int head);
            Assert.InRange(head, 0, data.Length);
            if (status == HttpParseStatus.Complete)
                Assert.StartsWith("/", request.Path);
        }
    }
}
