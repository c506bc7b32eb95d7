using System.Text;

namespace Unikraft.Bench.Net;

// The 612-byte index.html both servers are meant to answer with (the size of nginx's
// default page, so figures compare with published small-page benchmarks).
public static class IndexPage
{
    public const int Size = 612;

    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        const string head = "<!DOCTYPE html>\n<html>\n<head>\n<title>bench/net</title>\n</head>\n<body>\n<h1>bench/net</h1>\n<p>";
        const string tail = "</p>\n</body>\n</html>\n";
        var page = new StringBuilder(head);
        page.Append('x', Size - head.Length - tail.Length);
        page.Append(tail);
        return Encoding.ASCII.GetBytes(page.ToString());
    }
}
