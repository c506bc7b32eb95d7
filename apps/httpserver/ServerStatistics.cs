namespace HttpServer;

public sealed class ServerStatistics
{
    public long Connections;
    public long Requests;
    public long BadRequests;
    public long NotFound;
    public long BytesGenerated;
    public int Active;

    // Connections answered 503 and closed: at max-connections, or no memory for a thread.
    public long RefusedBusy;
    public long RefusedNoMemory;

    // Connections closed for slowness: the head did not arrive in time, or a keep-alive
    // connection sent no next request.
    public long HeadTimeouts;
    public long IdleTimeouts;
    public long SendTimeouts;

    // Connections closed while waiting for a head, to make room for a new client at
    // max-connections.
    public long Shed;

    // Of those shed, the ones shed because their peer was at max-connections-per-peer; and
    // connections refused (503) at that limit with all of the peer's connections busy.
    public long ShedForPeer;
    public long RefusedPeerLimit;

    // Connections closed because a buffer or a response could not be allocated.
    public long OutOfMemory;

    // Set by the server: its connection buffers, for the memory a connection holds.
    public BufferPool? Buffers;

    // The server's own counters, then memory and threads, then the stack's (those not zero).
    public string Render()
    {
        string text = "http-connections " + Connections.ToString() + "\nhttp-active " + Active.ToString()
            + "\nhttp-requests " + Requests.ToString() + "\nhttp-bad-requests " + BadRequests.ToString()
            + "\nhttp-not-found " + NotFound.ToString() + "\nhttp-bytes-generated " + BytesGenerated.ToString()
            + "\nhttp-refused-busy " + RefusedBusy.ToString() + "\nhttp-refused-no-memory " + RefusedNoMemory.ToString()
            + "\nhttp-head-timeouts " + HeadTimeouts.ToString() + "\nhttp-idle-timeouts " + IdleTimeouts.ToString()
            + "\nhttp-send-timeouts " + SendTimeouts.ToString() + "\nhttp-shed " + Shed.ToString()
            + "\nhttp-shed-peer-limit " + ShedForPeer.ToString() + "\nhttp-refused-peer-limit " + RefusedPeerLimit.ToString()
            + "\nhttp-out-of-memory " + OutOfMemory.ToString()
            + "\nhttp-buffers-rented " + (Buffers?.Rented ?? 0).ToString() + "\nhttp-buffers-idle " + (Buffers?.Idle ?? 0).ToString()
            + "\nhttp-buffers-idle-bytes " + ((long)(Buffers?.Idle ?? 0) * (Buffers?.BufferSize ?? 0)).ToString() + "\n";
        return text + MemoryCounters.Render() + NetworkCounters.Render();
    }
}
