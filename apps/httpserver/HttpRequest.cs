namespace HttpServer;

// The parts of a request the server acts on.
public sealed class HttpRequest
{
    public string Method { get; set; } = "";

    // The path without its query.
    public string Path { get; set; } = "";

    public string Query { get; set; } = "";

    // 0 for HTTP/1.0, 1 for HTTP/1.1.
    public int MinorVersion { get; set; }

    public bool KeepAlive { get; set; }

    public long ContentLength { get; set; }

    // The body comes as chunks (Transfer-Encoding: chunked); ContentLength is 0 then.
    public bool Chunked { get; set; }

    public bool IsHead => Method == "HEAD";
}
