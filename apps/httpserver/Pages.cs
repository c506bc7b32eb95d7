using System;
using System.Collections.Generic;

namespace HttpServer;

// What the server serves: pages built into the image (the 612-byte index of the benchmark,
// the same size as the page Unikraft measured nginx with), files loaded at start from the
// VFS, and /big?bytes=N, a generated stream of N bytes (for downloads of any size without
// holding them in memory).
public sealed class Pages
{
    public const int IndexLength = 612;
    public const long MaxGenerated = 1L << 32;

    private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>();

    public Pages() => _files["/"] = BuildIndex();

    public int Count => _files.Count;

    public void Add(string path, byte[] content) => _files[path] = content;

    public byte[]? Find(string path) => _files.TryGetValue(path, out byte[]? content) ? content : null;

    // The length /big?bytes=N asks for, or -1 when the query is not a valid size.
    public static long GeneratedLength(string query)
    {
        if (!query.StartsWith("bytes="))
            return -1;
        long value = 0;
        string digits = query.Substring(6);
        if (digits.Length == 0 || digits.Length > 10)
            return -1;
        for (int i = 0; i < digits.Length; i++)
        {
            if (digits[i] < '0' || digits[i] > '9')
                return -1;
            value = value * 10 + (digits[i] - '0');
        }
        return value <= MaxGenerated ? value : -1;
    }

    // Byte i of every generated stream: a pattern a client can check without a copy.
    public static void Generate(long offset, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            long position = offset + i;
            destination[i] = (byte)('a' + position % 26);
            if (position % 64 == 63)
                destination[i] = (byte)'\n';
        }
    }

    private static byte[] BuildIndex()
    {
        const string Head = "<!DOCTYPE html>\n<html>\n<head>\n<title>Unikernel in C#</title>\n</head>\n<body>\n"
            + "<h1>It works.</h1>\n<p>This page came from a unikernel written in C#: the HTTP server, the sockets, "
            + "TCP/IP and the virtio-net driver are libraries compiled ahead of time into one image.</p>\n<p>";
        const string Tail = "</p>\n</body>\n</html>\n";
        byte[] page = new byte[IndexLength];
        int length = 0;
        for (int i = 0; i < Head.Length; i++)
            page[length++] = (byte)Head[i];
        // Pad the paragraph so the page has the benchmark's size exactly.
        int padding = IndexLength - Head.Length - Tail.Length;
        for (int i = 0; i < padding; i++)
            page[length++] = (byte)(i % 61 == 60 ? '\n' : '.');
        for (int i = 0; i < Tail.Length; i++)
            page[length++] = (byte)Tail[i];
        return page;
    }
}
