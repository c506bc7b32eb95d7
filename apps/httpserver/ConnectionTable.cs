using System.Collections.Generic;

namespace HttpServer;

// The connections being served, so that a full server can shed the one that has waited
// longest for a request head (a slow client, or an idle keep-alive one) to make room for a
// new client. The accept loop and the connection threads share it without a lock: the
// server runs under the cooperative scheduler, where none of them is preempted.
public sealed class ConnectionTable
{
    private readonly List<HttpConnection> _connections = new List<HttpConnection>();

    public int Count => _connections.Count;

    public void Add(HttpConnection connection) => _connections.Add(connection);

    public void Remove(HttpConnection connection) => _connections.Remove(connection);

    // The connection waiting for a head since the earliest time, not yet shed; null when
    // every one is busy with a request.
    public HttpConnection? LongestWaiting()
    {
        HttpConnection? oldest = null;
        for (int i = 0; i < _connections.Count; i++)
        {
            HttpConnection connection = _connections[i];
            if (connection.IsShed || connection.WaitingSince == long.MaxValue)
                continue;
            if (oldest is null || connection.WaitingSince < oldest.WaitingSince)
                oldest = connection;
        }
        return oldest;
    }
}
