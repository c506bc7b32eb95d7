namespace HttpServer;

public sealed class ServerStatistics
{
    public long Connections;
    public long Requests;
    public long BadRequests;
    public long NotFound;
    public long BytesGenerated;
    public int Active;

    // The server's own counters, then the stack's (those that are not zero).
    public string Render()
    {
        string text = "http-connections " + Connections.ToString() + "\nhttp-active " + Active.ToString()
            + "\nhttp-requests " + Requests.ToString() + "\nhttp-bad-requests " + BadRequests.ToString()
            + "\nhttp-not-found " + NotFound.ToString() + "\nhttp-bytes-generated " + BytesGenerated.ToString() + "\n";
        return text + NetworkCounters.Render();
    }
}
