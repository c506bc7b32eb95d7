namespace HttpServer;

// What parsing the bytes received so far gave; the error values name the status to answer.
public enum HttpParseStatus
{
    Incomplete,
    Complete,
    BadRequest = 400,
    PayloadTooLarge = 413,
    UriTooLong = 414,
    HeadersTooLarge = 431,
    NotImplemented = 501,
    VersionNotSupported = 505,
}
