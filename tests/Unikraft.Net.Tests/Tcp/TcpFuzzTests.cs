using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

// Random bytes and mutated valid segments into a listener and an established connection:
// nothing throws, and every segment that did not parse is counted as a drop.
public sealed class TcpFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomBytesNeverThrow(int seed)
    {
        var random = new Random(seed);
        var ip = new CapturingIp();
        var tcp = new TcpLayer(ip, new TcpOptions { Seed = (ulong)seed });
        tcp.Listen(CapturingIp.Local, 80, 16);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] junk = new byte[random.Next(0, 80)];
            random.NextBytes(junk);
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local, junk, random.Next(2) == 0, i * 1000L);
            if (i % 100 == 0)
                tcp.Tick(i * 1_000_000L);
        }
        Assert.Equal(20_000UL, tcp.Statistics[TcpCounter.SegmentsReceived]);
        Assert.True(tcp.Statistics.TotalDrops > 0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedSegmentsIntoLiveConnectionsNeverThrow(int seed)
    {
        var random = new Random(seed);
        var ip = new CapturingIp();
        var tcp = new TcpLayer(ip, new TcpOptions { Seed = (ulong)seed, MaxConnections = 64 });
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 32);
        long now = 0;
        for (int i = 0; i < 20_000; i++)
        {
            now += random.Next(1, 20_000_000);
            ushort port = (ushort)(5000 + random.Next(8));
            byte flags = (byte)random.Next(64);
            byte[] data = new byte[random.Next(0, 3) == 0 ? random.Next(0, 1500) : 0];
            random.NextBytes(data);
            byte[] segment = CapturingIp.Build(port, 80, (uint)random.Next(), (uint)random.Next(), flags, (ushort)random.Next(65536), (ushort)(random.Next(4) == 0 ? random.Next(65536) : 0), data);
            if (random.Next(4) == 0)
                segment[random.Next(segment.Length)] = (byte)random.Next(256);
            if (random.Next(8) == 0)
                Array.Resize(ref segment, random.Next(segment.Length + 1));
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, random.Next(3) == 0, now);
            TcpConnection? accepted = listener.Accept();
            accepted?.Send(new byte[random.Next(0, 3000)], now);
            if (random.Next(50) == 0)
                accepted?.Close(now);
            tcp.Tick(now);
        }
        Assert.True(tcp.Statistics.TotalDrops > 0);
        Assert.True(tcp.ConnectionCount <= 64);
    }

    [Fact]
    public void AValidSegmentTruncatedAtEveryLengthIsDroppedNotThrown()
    {
        var ip = new CapturingIp();
        var tcp = new TcpLayer(ip, new TcpOptions());
        tcp.Listen(CapturingIp.Local, 80, 4);
        byte[] syn = CapturingIp.Build(5000, 80, 1, 0, TcpFlags.Syn, mss: 1460);
        for (int length = 0; length < syn.Length; length++)
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local, syn.AsSpan(0, length), true, 0);
        Assert.Equal(0, tcp.ConnectionCount);
        Assert.Equal((ulong)syn.Length, tcp.Statistics.TotalDrops);
    }

    // Option lists made of the kinds this layer reads, with lengths and values at random
    // (often wrong), on handshakes and into live connections with every extension on: each
    // bad length is a counted drop, and nothing throws.
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void HostileOptionsNeverThrow(int seed)
    {
        var random = new Random(seed);
        var ip = new CapturingIp();
        var tcp = new TcpLayer(ip, new TcpOptions { Seed = (ulong)seed, MaxConnections = 32 });
        TcpListenerEndpoint listener = tcp.Listen(CapturingIp.Local, 80, 16);
        byte[] kinds = [TcpOptionKind.MaxSegmentSize, TcpOptionKind.WindowScale, TcpOptionKind.SackPermitted,
            TcpOptionKind.Sack, TcpOptionKind.Timestamps, TcpOptionKind.NoOperation, TcpOptionKind.End, 99];
        long now = 0;
        var accepted = new List<TcpConnection>();
        for (int i = 0; i < 20_000; i++)
        {
            now += random.Next(1, 5_000_000);
            var options = new List<byte>();
            int count = random.Next(0, 5);
            for (int o = 0; o < count; o++)
            {
                byte kind = kinds[random.Next(kinds.Length)];
                options.Add(kind);
                if (kind <= TcpOptionKind.NoOperation)
                    continue;
                int length = random.Next(3) == 0 ? random.Next(0, 20) : kind switch
                {
                    TcpOptionKind.MaxSegmentSize => 4,
                    TcpOptionKind.WindowScale => 3,
                    TcpOptionKind.SackPermitted => 2,
                    TcpOptionKind.Timestamps => 10,
                    TcpOptionKind.Sack => 2 + 8 * random.Next(1, 5),
                    _ => random.Next(2, 10),
                };
                options.Add((byte)length);
                for (int b = 2; b < length; b++)
                    options.Add((byte)random.Next(256));
            }
            if (options.Count > 40)
                options.RemoveRange(40, options.Count - 40);
            ushort port = (ushort)(5000 + random.Next(6));
            byte flags = random.Next(3) switch { 0 => TcpFlags.Syn, 1 => TcpFlags.Ack, _ => (byte)(TcpFlags.Ack | TcpFlags.Psh) };
            byte[] data = new byte[random.Next(2) == 0 ? random.Next(0, 1400) : 0];
            uint seq = (uint)random.Next();
            uint ack = (uint)random.Next();
            byte[] segment = CapturingIp.BuildWithOptions(port, 80, seq, ack, flags, (ushort)random.Next(65536), options.ToArray(), data);
            tcp.Receive(CapturingIp.Peer, CapturingIp.Local, segment, false, now);
            // Answer our own SYN-ACKs properly now and then, so connections are established and
            // the options then meet live state (scaling, PAWS, the SACK scoreboard).
            if (flags == TcpFlags.Syn && ip.Sent.Count > 0 && random.Next(2) == 0)
            {
                TcpSegment synAck = ip.Last();
                if (synAck.Flags == (TcpFlags.Syn | TcpFlags.Ack))
                    tcp.Receive(CapturingIp.Peer, CapturingIp.Local, CapturingIp.Build(port, 80, seq + 1, synAck.SequenceNumber + 1, TcpFlags.Ack), false, now);
            }
            TcpConnection? connection = listener.Accept();
            if (connection is not null)
                accepted.Add(connection);
            if (accepted.Count > 0 && random.Next(4) == 0)
                accepted[random.Next(accepted.Count)].Send(new byte[random.Next(0, 4000)], now);
            tcp.Tick(now);
        }
        Assert.True(tcp.Statistics[TcpCounter.DropBadOptions] > 0);
        Assert.True(tcp.ConnectionCount <= 32);
    }
}
