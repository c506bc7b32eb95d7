using System.Text;
using HttpServer;

namespace Unikraft.Http.Tests;

// RFC 9112's framing rules, the ones whose leniency lets a proxy and this server see a
// request end in different places: each case is refused with its status (and the server
// closes the connection after any refusal).
public sealed class RequestSmugglingTests
{
    private static readonly HttpLimits Limits = new();

    private static (HttpParseStatus Status, HttpRequest Request) Parse(string text)
    {
        var request = new HttpRequest();
        HttpParseStatus status = HttpRequestParser.TryParse(Encoding.Latin1.GetBytes(text), Limits, request, out _);
        return (status, request);
    }

    [Theory]
    // Content-Length twice with different values, or a list of different values.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5,\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\n")]
    // Both framings at once, in either order.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n")]
    // chunked not last, twice, or in HTTP/1.0.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n")]
    [InlineData("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n")]
    // NUL and other control bytes in names and values; whitespace in a name; obs-fold.
    [InlineData("GET / HTTP/1.1\r\nHo\0st: a\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX-A: 1\u0001\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX-A: 1\u007F\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX\u0001A: 1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nTransfer Encoding: chunked\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nTransfer-Encoding : chunked\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nX-A: 1\r\n\tfolded\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\n Host: a\r\n\r\n")]
    // Two Host headers.
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")]
    public void AmbiguousFramingIsABadRequest(string text) => Assert.Equal(HttpParseStatus.BadRequest, Parse(text).Status);

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 5)]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 7\r\n\r\n", 7)]
    public void RepeatedEqualLengthsAreOneLength(string text, long length)
    {
        var (status, request) = Parse(text);
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal(length, request.ContentLength);
        Assert.False(request.Chunked);
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: CHUNKED\r\n\r\n")]
    public void ChunkedAloneIsAccepted(string text)
    {
        var (status, request) = Parse(text);
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.True(request.Chunked);
        Assert.Equal(0, request.ContentLength);
    }

    [Fact]
    public void UnknownCodingsBeforeChunkedAreNotImplemented() =>
        Assert.Equal(HttpParseStatus.NotImplemented, Parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n").Status);

    [Fact]
    public void ObsTextInAValueIsAllowed() =>
        Assert.Equal(HttpParseStatus.Complete, Parse("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u00e9\t1\r\n\r\n").Status);
}
