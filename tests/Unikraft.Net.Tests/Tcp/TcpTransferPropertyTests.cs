using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// The property: whatever the link does (loss, reordering, duplication, corruption), both byte
// streams arrive whole and in order, and both sides end closed.
public sealed class TcpTransferPropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 80; seed++)
            data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StreamsArriveIntactThroughALossyReorderingLink(int seed)
    {
        var network = new SimulatedNetwork(seed, drop: 0.05, duplicate: 0.03, corrupt: 0.01, maxJitter: 6 * SimulatedNetwork.Millisecond);
        var random = new Random(seed);
        byte[] toB = RandomBytes(random, 150_000 + random.Next(100_000));
        byte[] toA = RandomBytes(random, 20_000 + random.Next(80_000));
        Transfer(network, toB, toA);
    }

    // Every combination of the optional extensions, each over its own seeds: loss,
    // duplication, reordering and corruption at once.
    public static TheoryData<TcpFeatures, int> FeatureSeeds()
    {
        var data = new TheoryData<TcpFeatures, int>();
        for (int features = 0; features <= (int)TcpFeatures.All; features++)
        {
            for (int seed = 1; seed <= 12; seed++)
                data.Add((TcpFeatures)features, 1000 + features * 100 + seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FeatureSeeds))]
    public void StreamsArriveIntactWithTheExtensionsOnAndOff(TcpFeatures features, int seed)
    {
        var options = new TcpOptions().With(features);
        var network = new SimulatedNetwork(seed, drop: 0.04, duplicate: 0.03, corrupt: 0.01, maxJitter: 5 * SimulatedNetwork.Millisecond, options);
        var random = new Random(seed);
        byte[] toB = RandomBytes(random, 300_000 + random.Next(200_000));
        byte[] toA = RandomBytes(random, 20_000 + random.Next(80_000));
        Transfer(network, toB, toA);
    }

    [Theory]
    [InlineData(TcpFeatures.None)]
    [InlineData(TcpFeatures.All)]
    public void HeavyLossStillDeliversWithTheExtensionsOnAndOff(TcpFeatures features)
    {
        var options = new TcpOptions().With(features);
        var network = new SimulatedNetwork(77, drop: 0.2, duplicate: 0.05, corrupt: 0.02, maxJitter: 10 * SimulatedNetwork.Millisecond, options);
        Transfer(network, RandomBytes(new Random(8), 200_000), RandomBytes(new Random(9), 10_000));
        // The hole-only retransmissions ran (and only with SACK).
        Assert.Equal((features & TcpFeatures.Sack) != 0, network.A.Statistics[TcpCounter.SackRetransmissions] > 0);
        Assert.True(network.B.Statistics[TcpCounter.DropPaws] == 0 || (features & TcpFeatures.Timestamps) != 0);
    }

    // Window scaling is what lets more than 64 KiB be in flight; without it the window
    // field caps what the sender may have unacknowledged.
    [Theory]
    [InlineData(TcpFeatures.None, false)]
    [InlineData(TcpFeatures.WindowScaling, true)]
    public void MoreThan64KiBInFlightOnlyWithWindowScaling(TcpFeatures features, bool expectLarge)
    {
        var options = new TcpOptions().With(features);
        var network = new SimulatedNetwork(5, 0, 0, 0, 0, options);
        network.MinDelay = 20 * SimulatedNetwork.Millisecond;
        int mostInFlight = 0;
        Transfer(network, RandomBytes(new Random(1), 3_000_000), RandomBytes(new Random(2), 1000),
            observe: (client, _) => mostInFlight = Math.Max(mostInFlight, client.BytesInFlight));
        Assert.Equal(expectLarge, mostInFlight > 65535);
        Assert.True(mostInFlight > 30_000, "in flight " + mostInFlight);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SmallBuffersForceZeroWindowsAndStillDeliver(int seed)
    {
        // 2 KiB buffers with 1460-byte segments: the windows close and reopen all the time.
        var options = new TcpOptions { SendBuffer = 2048, ReceiveBuffer = 2048 };
        var network = new SimulatedNetwork(seed, drop: 0.05, duplicate: 0.02, corrupt: 0, maxJitter: 4 * SimulatedNetwork.Millisecond, options);
        Transfer(network, RandomBytes(new Random(seed), 40_000), RandomBytes(new Random(seed + 1), 40_000));
    }

    [Fact]
    public void HeavyLossStillDelivers()
    {
        var network = new SimulatedNetwork(99, drop: 0.25, duplicate: 0.05, corrupt: 0.02, maxJitter: 10 * SimulatedNetwork.Millisecond);
        byte[] toB = RandomBytes(new Random(5), 60_000);
        Transfer(network, toB, RandomBytes(new Random(6), 10_000));
    }

    [Fact]
    public void ACleanLinkNeedsNoRetransmission()
    {
        var network = new SimulatedNetwork(7, 0, 0, 0, 0);
        Transfer(network, RandomBytes(new Random(1), 500_000), RandomBytes(new Random(2), 1000));
        Assert.Equal(0UL, network.A.Statistics[TcpCounter.Retransmissions]);
        Assert.Equal(0UL, network.B.Statistics[TcpCounter.Retransmissions]);
    }

    internal static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // listener: B's, when the test set one up (on port 80) with something already in it.
    internal static void Transfer(SimulatedNetwork network, byte[] toB, byte[] toA, TcpListenerEndpoint? listener = null, Action<TcpConnection, TcpConnection?>? observe = null)
    {
        listener ??= network.B.Listen(network.AddressB, 80, 4);
        TcpConnection client = network.A.Connect(network.AddressB, 80, network.Now);
        TcpConnection? server = null;
        var receivedByB = new MemoryStream();
        var receivedByA = new MemoryStream();
        int sentToB = 0;
        int sentToA = 0;
        bool clientClosed = false;
        bool serverClosed = false;
        byte[] buffer = new byte[8192];
        long limit = network.Now + 600_000 * SimulatedNetwork.Millisecond;
        while (network.Now < limit)
        {
            server ??= listener.Accept();
            sentToB += client.Send(toB.AsSpan(sentToB), network.Now);
            // Not before the handshake: closing in SYN_SENT deletes the connection (RFC 9293
            // 3.10.4), and a large send ring can take the whole stream before then.
            if (sentToB == toB.Length && !clientClosed && client.State != TcpState.SynSent)
            {
                client.Close(network.Now);
                clientClosed = true;
            }
            Drain(client, receivedByA, buffer, network.Now);
            if (server is not null)
            {
                sentToA += server.Send(toA.AsSpan(sentToA), network.Now);
                if (sentToA == toA.Length && !serverClosed)
                {
                    server.Close(network.Now);
                    serverClosed = true;
                }
                Drain(server, receivedByB, buffer, network.Now);
            }
            bool done = server is not null && client.RemoteClosed && server.RemoteClosed
                && client.State is TcpState.TimeWait or TcpState.Closed && server.State is TcpState.Closed or TcpState.TimeWait;
            if (done)
                break;
            Assert.False(client.IsReset, "client connection failed: " + client.Error + Describe(network, client, server));
            Assert.False(server?.IsReset ?? false, "server connection failed: " + server?.Error + Describe(network, client, server));
            observe?.Invoke(client, server);
            if (!network.Step())
                break;
        }
        Assert.NotNull(server);
        Assert.Equal(toB.Length, (int)receivedByB.Length);
        Assert.Equal(toA.Length, (int)receivedByA.Length);
        Assert.True(toB.AsSpan().SequenceEqual(receivedByB.ToArray()), "stream A->B corrupted");
        Assert.True(toA.AsSpan().SequenceEqual(receivedByA.ToArray()), "stream B->A corrupted");
        Assert.True(client.RemoteClosed && server!.RemoteClosed);
        // TIME_WAIT runs out and every connection leaves the tables.
        network.AdvanceTo(network.Now + 10_000 * SimulatedNetwork.Millisecond);
        Assert.Equal(TcpState.Closed, client.State);
        Assert.Equal(TcpState.Closed, server.State);
        Assert.Equal(0, network.A.ConnectionCount);
        Assert.Equal(0, network.B.ConnectionCount);
    }

    private static string Describe(SimulatedNetwork network, TcpConnection client, TcpConnection? server) =>
        $" at {network.Now / SimulatedNetwork.Millisecond} ms; client {client.State} unacked {client.Unacknowledged} rto {client.RetransmissionTimeout / SimulatedNetwork.Millisecond} ms;"
        + $" server {server?.State} unacked {server?.Unacknowledged}\nA:\n{network.A.Statistics.Render(true)}B:\n{network.B.Statistics.Render(true)}";

    private static void Drain(TcpConnection connection, MemoryStream into, byte[] buffer, long now)
    {
        int read;
        while ((read = connection.Receive(buffer, now)) > 0)
            into.Write(buffer, 0, read);
    }
}
