using System;
using System.Net.Sockets;

namespace HttpServer;

// Serves one client connection: requests parsed as they arrive (pipelined ones too), each
// answered in order, the connection kept open unless the client or an error says otherwise.
public sealed class HttpConnection
{
    private const int BufferSize = 16 * 1024;

    private readonly Socket _socket;
    private readonly Pages _pages;
    private readonly HttpLimits _limits;
    private readonly ServerStatistics _statistics;
    private readonly byte[] _input = new byte[BufferSize];
    private readonly byte[] _output = new byte[BufferSize];
    private readonly HttpRequest _request = new HttpRequest();
    private int _filled;

    public HttpConnection(Socket socket, Pages pages, HttpLimits limits, ServerStatistics statistics)
    {
        _socket = socket;
        _pages = pages;
        _limits = limits;
        _statistics = statistics;
    }

    public void Run()
    {
        try
        {
            while (ServeOne())
            {
            }
        }
        catch (SocketException)
        {
            // The client went away or timed out; nothing to answer.
        }
        _socket.Close();
    }

    // False when the connection should close.
    private bool ServeOne()
    {
        HttpParseStatus status;
        int headLength;
        while ((status = HttpRequestParser.TryParse(new ReadOnlySpan<byte>(_input, 0, _filled), _limits, _request, out headLength)) == HttpParseStatus.Incomplete)
        {
            if (_filled == _input.Length)
            {
                status = HttpParseStatus.HeadersTooLarge;
                break;
            }
            int read = _socket.Receive(new Span<byte>(_input, _filled, _input.Length - _filled));
            if (read == 0)
                return false;
            _filled += read;
        }
        if (status != HttpParseStatus.Complete)
        {
            _statistics.BadRequests++;
            SendSmall((int)status, "text/plain", ErrorBody((int)status), keepAlive: false, headOnly: false);
            return false;
        }
        Consume(headLength);
        if (!SkipBody(_request.ContentLength))
            return false;
        _statistics.Requests++;
        bool keepAlive = _request.KeepAlive;
        bool headOnly = _request.IsHead;
        if (_request.Method != "GET" && !headOnly)
        {
            SendSmall(405, "text/plain", ErrorBody(405), keepAlive, headOnly);
            return keepAlive;
        }
        if (_request.Path == "/big")
        {
            long length = Pages.GeneratedLength(_request.Query);
            if (length < 0)
            {
                SendSmall(400, "text/plain", ErrorBody(400), keepAlive, headOnly);
                return keepAlive;
            }
            SendGenerated(length, keepAlive, headOnly);
            return keepAlive;
        }
        if (_request.Path == "/stats")
        {
            SendSmall(200, "text/plain", Bytes(_statistics.Render()), keepAlive, headOnly);
            return keepAlive;
        }
        byte[]? page = _pages.Find(_request.Path);
        if (page is null)
        {
            _statistics.NotFound++;
            SendSmall(404, "text/plain", ErrorBody(404), keepAlive, headOnly);
            return keepAlive;
        }
        SendSmall(200, ContentType(_request.Path), page, keepAlive, headOnly);
        return keepAlive;
    }

    // Head and body in one send, so a small page leaves in one segment.
    private void SendSmall(int status, string contentType, byte[] body, bool keepAlive, bool headOnly)
    {
        int head = HttpResponse.WriteHead(_output, status, contentType, body.Length, keepAlive);
        if (headOnly)
        {
            _socket.Send(new ReadOnlySpan<byte>(_output, 0, head));
            return;
        }
        if (head + body.Length <= _output.Length)
        {
            new ReadOnlySpan<byte>(body).CopyTo(new Span<byte>(_output, head, body.Length));
            _socket.Send(new ReadOnlySpan<byte>(_output, 0, head + body.Length));
            return;
        }
        _socket.Send(new ReadOnlySpan<byte>(_output, 0, head));
        _socket.Send(body);
    }

    private void SendGenerated(long length, bool keepAlive, bool headOnly)
    {
        int head = HttpResponse.WriteHead(_output, 200, "text/plain", length, keepAlive);
        _socket.Send(new ReadOnlySpan<byte>(_output, 0, head));
        if (headOnly)
            return;
        long offset = 0;
        while (offset < length)
        {
            int chunk = (int)Math.Min(_output.Length, length - offset);
            Pages.Generate(offset, new Span<byte>(_output, 0, chunk));
            _socket.Send(new ReadOnlySpan<byte>(_output, 0, chunk));
            offset += chunk;
        }
        _statistics.BytesGenerated += length;
    }

    // Reads and drops a request body (the server acts on none); false if the client left.
    private bool SkipBody(long length)
    {
        while (length > 0)
        {
            if (_filled == 0)
            {
                int read = _socket.Receive(_input);
                if (read == 0)
                    return false;
                _filled = read;
            }
            int drop = (int)Math.Min(length, _filled);
            Consume(drop);
            length -= drop;
        }
        return true;
    }

    private void Consume(int length)
    {
        int rest = _filled - length;
        if (rest > 0)
            new ReadOnlySpan<byte>(_input, length, rest).CopyTo(new Span<byte>(_input, 0, rest));
        _filled = rest;
    }

    private static string ContentType(string path) =>
        path == "/" || path.EndsWith(".html") ? "text/html" : path.EndsWith(".css") ? "text/css" : path.EndsWith(".js") ? "application/javascript" : "text/plain";

    private static byte[] ErrorBody(int status) => Bytes(status.ToString() + " " + HttpResponse.ReasonPhrase(status) + "\n");

    private static byte[] Bytes(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }
}
