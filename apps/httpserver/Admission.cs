using System.Net;

namespace HttpServer;

public enum AdmissionOutcome
{
    Admit,
    // The peer is at max-connections-per-peer: its own longest-waiting connection makes room.
    ShedForPeer,
    // The server is at max-connections: the longest-waiting connection of all makes room.
    ShedForServer,
    // At the peer's limit with every one of its connections busy answering: 503.
    RefusePeerLimit,
    // At the server's limit with every connection busy answering: 503.
    RefuseBusy,
}

// Whether the accept loop serves a new connection, and whom it sheds for it. The per-peer
// limit comes first, so one address can never push out other peers' connections beyond its
// share; a peer at its limit only displaces its own slow or idle connections.
public static class Admission
{
    // serving: connections being served and not shed.
    public static AdmissionOutcome Decide(ConnectionTable table, IPAddress? peer, int serving, int maxConnections, int maxPerPeer, out IServedConnection? victim)
    {
        victim = null;
        if (peer is not null && table.CountFrom(peer) >= maxPerPeer)
        {
            victim = table.LongestWaiting(peer);
            return victim is null ? AdmissionOutcome.RefusePeerLimit : AdmissionOutcome.ShedForPeer;
        }
        if (serving >= maxConnections)
        {
            victim = table.LongestWaiting();
            return victim is null ? AdmissionOutcome.RefuseBusy : AdmissionOutcome.ShedForServer;
        }
        return AdmissionOutcome.Admit;
    }
}
