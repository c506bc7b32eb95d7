using System.Text;
using HttpServer;

namespace Unikraft.Http.Tests;

public sealed class HttpChunkedBodyTests
{
    private static (HttpParseStatus Status, int Consumed, long Length) Feed(string text, long maxBody = 64 * 1024)
    {
        var body = new HttpChunkedBody(maxBody, 8192);
        HttpParseStatus status = body.Feed(Encoding.ASCII.GetBytes(text), out int consumed);
        return (status, consumed, body.BodyLength);
    }

    [Fact]
    public void ABodyEndsAtTheLastChunkAndTrailers()
    {
        const string Body = "5\r\nhello\r\n1a;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";
        var (status, consumed, length) = Feed(Body + "GET / HTTP/1.1\r\n\r\n");
        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal(Body.Length, consumed);
        Assert.Equal(31, length);
    }

    [Fact]
    public void ByteByByteGivesTheSameEnd()
    {
        byte[] body = Encoding.ASCII.GetBytes("3\r\nabc\r\n0\r\n\r\n");
        var decoder = new HttpChunkedBody(1024, 1024);
        for (int i = 0; i < body.Length; i++)
        {
            HttpParseStatus status = decoder.Feed(body.AsSpan(i, 1), out int consumed);
            Assert.Equal(1, consumed);
            Assert.Equal(i == body.Length - 1 ? HttpParseStatus.Complete : HttpParseStatus.Incomplete, status);
        }
        Assert.Equal(3, decoder.BodyLength);
    }

    [Theory]
    // A chunk size that would overflow (or wrap to a small number in a lenient parser).
    [InlineData("100000000\r\n")]
    [InlineData("ffffffffffffffff1\r\n")]
    [InlineData("00000000000000005\r\nhello\r\n0\r\n\r\n")]
    // No digits, junk after them, bare LF, missing CRLF after data.
    [InlineData("\r\n")]
    [InlineData("5 \r\nhello\r\n")]
    [InlineData("-5\r\n")]
    [InlineData("5\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhelloX\r\n")]
    [InlineData("0\r\nX: a\0b\r\n\r\n")]
    [InlineData("5;\0\r\n")]
    public void BrokenFramingIsABadRequest(string body) => Assert.Equal(HttpParseStatus.BadRequest, Feed(body).Status);

    [Fact]
    public void ChunksAddingUpPastTheLimitAreTooLarge()
    {
        Assert.Equal(HttpParseStatus.PayloadTooLarge, Feed("8000\r\n", maxBody: 0x7FFF).Status);
        string two = "4000\r\n" + new string('a', 0x4000) + "\r\n4000\r\n";
        Assert.Equal(HttpParseStatus.PayloadTooLarge, Feed(two, maxBody: 0x7FFF).Status);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] data = Encoding.ASCII.GetBytes("a\r\n0123456789\r\n0\r\n\r\n");
            for (int m = random.Next(0, 3); m > 0; m--)
                data[random.Next(data.Length)] = (byte)random.Next(256);
            var decoder = new HttpChunkedBody(1024, 64);
            decoder.Feed(data, out int consumed);
            Assert.InRange(consumed, 0, data.Length);
        }
    }
}
