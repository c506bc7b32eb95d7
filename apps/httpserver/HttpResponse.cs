using System;

namespace HttpServer;

// Response heads, written as ASCII into a caller's buffer (no per-response strings beyond
// the numbers).
public static class HttpResponse
{
    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    };

    // Returns the head's length in destination.
    public static int WriteHead(Span<byte> destination, int status, string contentType, long contentLength, bool keepAlive)
    {
        int length = 0;
        length += Put(destination.Slice(length), "HTTP/1.1 ");
        length += Put(destination.Slice(length), status.ToString());
        length += Put(destination.Slice(length), " ");
        length += Put(destination.Slice(length), ReasonPhrase(status));
        length += Put(destination.Slice(length), "\r\nServer: unikraft-dotnet\r\nContent-Type: ");
        length += Put(destination.Slice(length), contentType);
        length += Put(destination.Slice(length), "\r\nContent-Length: ");
        length += Put(destination.Slice(length), contentLength.ToString());
        length += Put(destination.Slice(length), keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        return length;
    }

    private static int Put(Span<byte> destination, string text)
    {
        for (int i = 0; i < text.Length; i++)
            destination[i] = (byte)text[i];
        return text.Length;
    }
}
