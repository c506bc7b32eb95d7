using System;
using SchedTests;

namespace GcTests;

// A request/response loop that allocates per request, as a server does: the request text,
// its parsed parts, the body and the response are garbage once the request is served.
internal static class HttpLoop
{
    public static void Run(int requests)
    {
        int collectionsBefore = GC.CollectionCount(0);
        long bytesOut = 0;
        int bad = 0;
        for (int i = 0; i < requests; i++)
        {
            string request = "GET /items/" + i.ToString() + "?q=" + (i % 97).ToString() + " HTTP/1.1\r\nHost: unikernel\r\nAccept: */*\r\n\r\n";
            string response = Serve(request);
            if (!response.EndsWith("\"item-" + i.ToString() + "\"}"))
                bad++;
            bytesOut += response.Length;
        }
        int collections = GC.CollectionCount(0) - collectionsBefore;
        Report.Check(bad == 0 && collections > 0, "http: " + requests.ToString() + " requests served, " + bad.ToString() + " wrong, "
            + (bytesOut / 1024).ToString() + " KiB of responses, " + collections.ToString() + " collections, "
            + (GC.GetTotalMemory(false) / 1024).ToString() + " KiB in use");
    }

    private static string Serve(string request)
    {
        string line = request.Substring(0, request.IndexOf("\r\n"));
        string[] parts = line.Split(' ');
        if (parts.Length != 3 || parts[0] != "GET")
            return "HTTP/1.1 400 Bad Request\r\n\r\n";
        string path = parts[1];
        int query = path.IndexOf('?');
        int id = int.Parse(path.Substring(7, query - 7));
        string body = "{\"id\":" + id.ToString() + ",\"name\":\"item-" + id.ToString() + "\"}";
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length.ToString() + "\r\n\r\n" + body;
    }
}
