using System.Net;

namespace HttpServer;

// What the accept loop's admission decision needs of a connection being served (kept apart
// from HttpConnection so the decision can be tested on the host without sockets).
public interface IServedConnection
{
    // The client's address; null when it could not be read (then no per-peer limit applies).
    IPAddress? Peer { get; }

    // When it began to wait for its next request head; long.MaxValue while answering one.
    long WaitingSince { get; }

    bool IsShed { get; }

    // Resets the connection to make room for another.
    void Shed();
}
