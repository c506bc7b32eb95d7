using System.Net.Sockets;
using System.Text;

namespace Unikraft.Boot.Tests;

// Request smuggling against apps/httpserver over a real connection: each request hides a
// second one behind framing that RFC 9112 says to refuse. The server must answer 400 and
// close, so the hidden request is never answered; a well-framed chunked body is skipped and
// the request after it served.
public sealed class HttpServerSmugglingBootTests(HttpServerGuest guest) : IClassFixture<HttpServerGuest>
{
    private const string Hidden = "GET /smuggled HTTP/1.1\r\nHost: guest\r\n\r\n";

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: guest\r\nContent-Length: 0\r\nContent-Length: 40\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: guest\r\nContent-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: guest\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: guest\r\nX-A\0: 1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: guest\r\nX-A: 1\0\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: guest\r\nX-A: 1\r\n folded: 2\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: guest\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000028\r\n")]
    public void AmbiguousFramingIsRefusedAndTheConnectionClosed(string request)
    {
        long badBefore = guest.Stats()["http-bad-requests"];
        string answer = Exchange(request + Hidden);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
        Assert.Contains("Connection: close", answer);
        Assert.Equal(1, Count(answer, "HTTP/1.1 "));
        Assert.Equal(badBefore + 1, guest.Stats()["http-bad-requests"]);
        Assert.DoesNotContain(guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }

    [Fact]
    public void AChunkedBodyIsSkippedAndTheNextRequestServed()
    {
        string answer = Exchange("POST / HTTP/1.1\r\nHost: guest\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            + "GET / HTTP/1.1\r\nHost: guest\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 405 Method Not Allowed\r\n", answer);
        Assert.Equal(2, Count(answer, "HTTP/1.1 "));
        Assert.Contains("HTTP/1.1 200 OK\r\n", answer);
        Assert.Contains("<h1>It works.</h1>", answer);
    }

    // Everything the server sent until it closed the connection. A reset instead of the close
    // fails the read, and the test with it: the server must let its answer arrive.
    private string Exchange(string request)
    {
        using var client = new TcpClient { ReceiveTimeout = 20_000 };
        client.Connect("127.0.0.1", guest.Port);
        NetworkStream stream = client.GetStream();
        stream.Write(Encoding.Latin1.GetBytes(request));
        using var answer = new MemoryStream();
        stream.CopyTo(answer);
        return Encoding.Latin1.GetString(answer.ToArray());
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
