namespace HttpServer;

// Bounds on what a client may send; beyond them the request is refused, not buffered.
public sealed class HttpLimits
{
    public int MaxRequestLine { get; set; } = 2048;

    // Request line and headers together.
    public int MaxHeaderBytes { get; set; } = 8192;

    public int MaxHeaders { get; set; } = 64;

    // Bodies are read and discarded (the server only serves GET/HEAD); larger ones get 413.
    public long MaxBody { get; set; } = 64 * 1024;
}
