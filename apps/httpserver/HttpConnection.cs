using System;
using System.Net;
using System.Net.Sockets;
using Uk.Core;

namespace HttpServer;

// Serves one client connection: requests parsed as they arrive (pipelined ones too), each
// answered in order, the connection kept open unless the client or an error says otherwise.
// Its buffers come from the server's pool and go back to it however the connection ends.
public sealed class HttpConnection : IServedConnection
{
    // With the object and heap headers a buffer fills a 16 KiB allocator block exactly.
    public const int BufferSize = 16 * 1024 - 256;

    private const int TimedOut = -1;

    // After refusing a request, how long (and how much) of the rest of its input is read and
    // dropped before the close.
    private const int LingerMs = 1000;
    private const int LingerBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly Pages _pages;
    private readonly HttpLimits _limits;
    private readonly ServerStatistics _statistics;
    private readonly BufferPool _buffers;
    private byte[] _input = Array.Empty<byte>();
    private byte[] _output = Array.Empty<byte>();
    private readonly HttpRequest _request = new HttpRequest();
    private int _filled;
    private bool _firstRequest = true;
    private bool _lingerOnClose;
    private long _waitingSince;

    public HttpConnection(Socket socket, IPAddress? peer, Pages pages, HttpLimits limits, ServerStatistics statistics, BufferPool buffers)
    {
        _socket = socket;
        Peer = peer;
        _pages = pages;
        _limits = limits;
        _statistics = statistics;
        _buffers = buffers;
        _waitingSince = Clock.Monotonic;
    }

    public IPAddress? Peer { get; }

    // When the connection began to wait for its next request head (its first byte included);
    // long.MaxValue while a request is being answered.
    public long WaitingSince => _waitingSince;

    public bool IsShed { get; private set; }

    // Closes the connection (a reset) to make room for another; its thread, blocked on the
    // client, wakes and ends.
    public void Shed()
    {
        IsShed = true;
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Run()
    {
        try
        {
            _input = _buffers.Rent();
            _output = _buffers.Rent();
            _socket.SendTimeout = _limits.SendTimeoutMs;
            while (ServeOne())
            {
                _firstRequest = false;
                _waitingSince = Clock.Monotonic;
            }
        }
        catch (SocketException)
        {
            // The client went away, reset, or stopped reading, or the server shed it; nothing
            // to answer.
            if (IsShed)
                _statistics.Shed++;
        }
        catch (ObjectDisposedException)
        {
            // Shed before its thread first ran.
            _statistics.Shed++;
        }
        catch (OutOfMemoryException)
        {
            // No memory for this connection's buffers or a response: this one closes, the
            // server goes on.
            _statistics.OutOfMemory++;
        }
        finally
        {
            if (_lingerOnClose)
                DrainInput();
            _socket.Close();
            _buffers.Return(_input);
            _buffers.Return(_output);
            _input = _output = Array.Empty<byte>();
        }
    }

    // False when the connection should close.
    private bool ServeOne()
    {
        HttpParseStatus status;
        int headLength;
        // The head's clock starts at its first byte (at the connection's start for the first
        // request); until then a keep-alive connection is idle.
        long headDeadline = _firstRequest ? Deadline(_waitingSince, _limits.HeadTimeoutMs)
            : _filled > 0 ? Deadline(Clock.Monotonic, _limits.HeadTimeoutMs) : long.MaxValue;
        long idleDeadline = Deadline(_waitingSince, _limits.IdleTimeoutMs);
        while ((status = HttpRequestParser.TryParse(new ReadOnlySpan<byte>(_input, 0, _filled), _limits, _request, out headLength)) == HttpParseStatus.Incomplete)
        {
            if (_filled == _input.Length)
            {
                status = HttpParseStatus.HeadersTooLarge;
                break;
            }
            bool idle = headDeadline == long.MaxValue;
            int read = ReceiveBefore(idle ? idleDeadline : headDeadline, new Span<byte>(_input, _filled, _input.Length - _filled));
            if (read == TimedOut)
            {
                if (idle)
                {
                    _statistics.IdleTimeouts++;
                    return false;
                }
                _statistics.HeadTimeouts++;
                SendSmall(408, "text/plain", ErrorBody(408), keepAlive: false, headOnly: false);
                return false;
            }
            if (read == 0)
                return false;
            if (idle)
                headDeadline = Deadline(Clock.Monotonic, _limits.HeadTimeoutMs);
            _filled += read;
        }
        if (status != HttpParseStatus.Complete)
        {
            _statistics.BadRequests++;
            SendSmall((int)status, "text/plain", ErrorBody((int)status), keepAlive: false, headOnly: false);
            _lingerOnClose = true;
            return false;
        }
        Consume(headLength);
        _waitingSince = long.MaxValue;
        long bodyDeadline = Deadline(Clock.Monotonic, _limits.HeadTimeoutMs);
        if (_request.Chunked ? !SkipChunkedBody(bodyDeadline) : !SkipBody(_request.ContentLength, bodyDeadline))
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
            Send(new ReadOnlySpan<byte>(_output, 0, head));
            return;
        }
        if (head + body.Length <= _output.Length)
        {
            new ReadOnlySpan<byte>(body).CopyTo(new Span<byte>(_output, head, body.Length));
            Send(new ReadOnlySpan<byte>(_output, 0, head + body.Length));
            return;
        }
        Send(new ReadOnlySpan<byte>(_output, 0, head));
        Send(body);
    }

    private void SendGenerated(long length, bool keepAlive, bool headOnly)
    {
        int head = HttpResponse.WriteHead(_output, 200, "text/plain", length, keepAlive);
        Send(new ReadOnlySpan<byte>(_output, 0, head));
        if (headOnly)
            return;
        long offset = 0;
        while (offset < length)
        {
            int chunk = (int)Math.Min(_output.Length, length - offset);
            Pages.Generate(offset, new Span<byte>(_output, 0, chunk));
            Send(new ReadOnlySpan<byte>(_output, 0, chunk));
            offset += chunk;
        }
        _statistics.BytesGenerated += length;
    }

    // Reads and drops a request body (the server acts on none); false if the client left or
    // was too slow.
    private bool SkipBody(long length, long deadline)
    {
        while (length > 0)
        {
            if (_filled == 0)
            {
                int read = ReceiveBefore(deadline, _input);
                if (read == TimedOut)
                    _statistics.HeadTimeouts++;
                if (read <= 0)
                    return false;
                _filled = read;
            }
            int drop = (int)Math.Min(length, _filled);
            Consume(drop);
            length -= drop;
        }
        return true;
    }

    // As SkipBody, for a chunked body; a body whose framing is broken is answered (400, 413)
    // and the connection closed, as nothing after it can be trusted to start a request.
    private bool SkipChunkedBody(long deadline)
    {
        var body = new HttpChunkedBody(_limits.MaxBody, _limits.MaxHeaderBytes);
        while (true)
        {
            HttpParseStatus status = body.Feed(new ReadOnlySpan<byte>(_input, 0, _filled), out int consumed);
            Consume(consumed);
            if (status == HttpParseStatus.Complete)
                return true;
            if (status != HttpParseStatus.Incomplete)
            {
                _statistics.BadRequests++;
                SendSmall((int)status, "text/plain", ErrorBody((int)status), keepAlive: false, headOnly: false);
                _lingerOnClose = true;
                return false;
            }
            int read = ReceiveBefore(deadline, _input);
            if (read == TimedOut)
                _statistics.HeadTimeouts++;
            if (read <= 0)
                return false;
            _filled = read;
        }
    }

    // A close with unread input resets the connection, and the reset can destroy the error
    // response still on its way to the client; so the sending side is shut first and what the
    // client still sends is read and dropped, for a bounded time and amount (Apache's
    // lingering close).
    private void DrainInput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            long deadline = Deadline(Clock.Monotonic, LingerMs);
            for (int drained = 0; drained < LingerBytes;)
            {
                int read = ReceiveBefore(deadline, _input);
                if (read <= 0)
                    return;
                drained += read;
            }
        }
        catch (SocketException)
        {
        }
    }

    // Bytes read, 0 when the client closed its side, TimedOut when deadline passed first.
    private int ReceiveBefore(long deadline, Span<byte> buffer)
    {
        long left = deadline == long.MaxValue ? 0 : (deadline - Clock.Monotonic) / Clock.NanosecondsPerMillisecond;
        // Bytes that arrived in time are taken even when this thread runs late (hundreds of
        // connections share the CPU): only a client that sent nothing more is out of time.
        if (deadline != long.MaxValue && left <= 0)
        {
            if (_socket.Available == 0)
                return TimedOut;
            left = 1;
        }
        _socket.ReceiveTimeout = (int)Math.Min(left, int.MaxValue);
        try
        {
            return _socket.Receive(buffer);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return TimedOut;
        }
    }

    // A send that stopped short timed out: the client stopped reading.
    private void Send(ReadOnlySpan<byte> data)
    {
        try
        {
            if (_socket.Send(data) == data.Length)
                return;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
        }
        _statistics.SendTimeouts++;
        throw new SocketException(SocketError.TimedOut);
    }

    private static long Deadline(long from, int milliseconds) => from + milliseconds * Clock.NanosecondsPerMillisecond;

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
