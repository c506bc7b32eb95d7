using System.Collections.Generic;
using System.Net;

namespace HttpServer;

// The connections being served, so that a full server (or a peer at its limit) can shed the
// one that has waited longest for a request head (a slow client, or an idle keep-alive one)
// to make room for a new client. The accept loop and the connection threads share it without
// a lock: the server runs under the cooperative scheduler, where none of them is preempted.
public sealed class ConnectionTable
{
    private readonly List<IServedConnection> _connections = new List<IServedConnection>();

    public int Count => _connections.Count;

    public void Add(IServedConnection connection) => _connections.Add(connection);

    public void Remove(IServedConnection connection) => _connections.Remove(connection);

    // Connections from peer not shed yet.
    public int CountFrom(IPAddress peer)
    {
        int count = 0;
        for (int i = 0; i < _connections.Count; i++)
        {
            IServedConnection connection = _connections[i];
            if (!connection.IsShed && peer.Equals(connection.Peer))
                count++;
        }
        return count;
    }

    // The connection waiting for a head since the earliest time, not yet shed, among all of
    // them or only peer's; null when every such one is busy with a request.
    public IServedConnection? LongestWaiting(IPAddress? peer = null)
    {
        IServedConnection? oldest = null;
        for (int i = 0; i < _connections.Count; i++)
        {
            IServedConnection connection = _connections[i];
            if (connection.IsShed || connection.WaitingSince == long.MaxValue)
                continue;
            if (peer is not null && !peer.Equals(connection.Peer))
                continue;
            if (oldest is null || connection.WaitingSince < oldest.WaitingSince)
                oldest = connection;
        }
        return oldest;
    }
}
