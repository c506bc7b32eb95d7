namespace HttpServer;

// Bounds on what a client may send and how slowly; beyond them the request is refused, not
// buffered, and a connection that is too slow is closed.
public sealed class HttpLimits
{
    public int MaxRequestLine { get; set; } = 2048;

    // Request line and headers together.
    public int MaxHeaderBytes { get; set; } = 8192;

    public int MaxHeaders { get; set; } = 64;

    // Bodies are read and discarded (the server only serves GET/HEAD); larger ones get 413.
    public long MaxBody { get; set; } = 64 * 1024;

    // The whole request head (and then the body) must arrive within this time of its first
    // byte (of the connection's start, for the first request): a client trickling a byte at a
    // time cannot hold a connection longer than this. Answered 408 and closed.
    public int HeadTimeoutMs { get; set; } = 10_000;

    // How long a keep-alive connection may wait for its next request before it is closed.
    public int IdleTimeoutMs { get; set; } = 15_000;

    // How long one send may wait for a client that stops reading (an abandoned download).
    public int SendTimeoutMs { get; set; } = 30_000;
}
