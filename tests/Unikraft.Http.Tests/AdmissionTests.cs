using System.Net;
using HttpServer;

namespace Unikraft.Http.Tests;

// The accept loop's decision: a peer at max-connections-per-peer sheds its own longest-waiting
// connection (never another peer's) or is refused when all of its connections are busy; the
// server's limit then sheds the longest-waiting of all.
public sealed class AdmissionTests
{
    private static readonly IPAddress Alice = IPAddress.Parse("10.0.2.2");
    private static readonly IPAddress Bob = IPAddress.Parse("10.0.2.3");

    private sealed class FakeConnection(IPAddress? peer, long waitingSince) : IServedConnection
    {
        public IPAddress? Peer { get; } = peer;

        public long WaitingSince { get; set; } = waitingSince;

        public bool IsShed { get; private set; }

        public void Shed() => IsShed = true;
    }

    private readonly ConnectionTable _table = new();
    private readonly List<FakeConnection> _inTable = new();

    private FakeConnection Add(IPAddress? peer, long waitingSince)
    {
        var connection = new FakeConnection(peer, waitingSince);
        _table.Add(connection);
        _inTable.Add(connection);
        return connection;
    }

    private void Remove(FakeConnection connection)
    {
        _table.Remove(connection);
        _inTable.Remove(connection);
    }

    // What the accept loop passes as serving: connections in the table not shed.
    private int Serving() => _inTable.Count(c => !c.IsShed);

    private AdmissionOutcome Decide(IPAddress? peer, out IServedConnection? victim, int maxConnections = 10, int maxPerPeer = 3)
        => Admission.Decide(_table, peer, Serving(), maxConnections, maxPerPeer, out victim);

    [Fact]
    public void BelowBothLimitsTheConnectionIsAdmitted()
    {
        Add(Alice, 5);
        Add(Alice, 6);
        Assert.Equal(AdmissionOutcome.Admit, Decide(Alice, out IServedConnection? victim));
        Assert.Null(victim);
    }

    [Fact]
    public void APeerAtItsLimitShedsItsOwnLongestWaitingConnectionNotAnotherPeers()
    {
        Add(Bob, 1);
        Add(Alice, 7);
        FakeConnection oldestOfAlice = Add(Alice, 3);
        Add(Alice, long.MaxValue);
        Assert.Equal(3, _table.CountFrom(Alice));
        Assert.Equal(AdmissionOutcome.ShedForPeer, Decide(Alice, out IServedConnection? victim));
        Assert.Same(oldestOfAlice, victim);
        // Once shed it no longer counts against Alice.
        victim!.Shed();
        Assert.Equal(2, _table.CountFrom(Alice));
    }

    [Fact]
    public void APeerWhoseConnectionsAreAllBusyIsRefused()
    {
        for (int i = 0; i < 3; i++)
            Add(Alice, long.MaxValue);
        Add(Bob, 1);
        Assert.Equal(AdmissionOutcome.RefusePeerLimit, Decide(Alice, out IServedConnection? victim));
        Assert.Null(victim);
        // Bob is under his limit and the server under its own.
        Assert.Equal(AdmissionOutcome.Admit, Decide(Bob, out _));
    }

    [Fact]
    public void AtTheServersLimitTheLongestWaitingOfAllIsShedAndAllBusyIsRefused()
    {
        FakeConnection oldest = Add(Bob, 2);
        Add(Alice, 4);
        Add(Alice, long.MaxValue);
        Assert.Equal(AdmissionOutcome.ShedForServer, Decide(IPAddress.Parse("10.0.2.9"), out IServedConnection? victim, maxConnections: 3));
        Assert.Same(oldest, victim);
        // The shed one's thread ends; its place goes to a busy connection.
        Remove(oldest);
        Add(Bob, long.MaxValue);
        ((FakeConnection)_table.LongestWaiting()!).WaitingSince = long.MaxValue;
        Assert.Equal(AdmissionOutcome.RefuseBusy, Decide(IPAddress.Parse("10.0.2.9"), out victim, maxConnections: 3));
        Assert.Null(victim);
    }

    [Fact]
    public void AConnectionWithNoKnownPeerIsHeldOnlyToTheServersLimit()
    {
        for (int i = 0; i < 3; i++)
            Add(Alice, 1);
        Assert.Equal(AdmissionOutcome.Admit, Decide(null, out _));
        Assert.Equal(0, _table.CountFrom(IPAddress.Parse("10.0.2.9")));
    }

    [Fact]
    public void OnePeerFloodingNeverTakesMoreThanItsShare()
    {
        // A server of 10 with 5 per peer: Alice opens 50 idle connections one after another,
        // each shedding as the accept loop would; Bob's 5 are never touched.
        var bobs = Enumerable.Range(0, 5).Select(i => Add(Bob, i)).ToList();
        int shedForPeer = 0;
        for (int i = 0; i < 50; i++)
        {
            AdmissionOutcome outcome = Decide(Alice, out IServedConnection? victim, maxConnections: 10, maxPerPeer: 5);
            Assert.True(outcome is AdmissionOutcome.Admit or AdmissionOutcome.ShedForPeer, outcome.ToString());
            if (victim is not null)
            {
                Assert.Equal(Alice, victim.Peer);
                victim.Shed();
                Remove((FakeConnection)victim);
                shedForPeer++;
            }
            Add(Alice, 100 + i);
        }
        Assert.Equal(45, shedForPeer);
        Assert.All(bobs, b => Assert.False(b.IsShed));
        Assert.Equal(5, _table.CountFrom(Alice));
    }
}
