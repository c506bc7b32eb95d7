using Uk.Net.Tcp;

namespace Unikraft.Net.Tests.Tcp;

public sealed class TcpMathTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void RtoFollowsRfc6298()
    {
        var rtt = new RttEstimator(1000 * Ms, 200 * Ms, 60_000 * Ms);
        Assert.Equal(1000 * Ms, rtt.Timeout);
        rtt.Sample(100 * Ms);
        // First sample: SRTT = R, RTTVAR = R/2, RTO = R + 4 * R/2 = 300 ms.
        Assert.Equal(100 * Ms, rtt.Smoothed);
        Assert.Equal(300 * Ms, rtt.Timeout);
        rtt.Sample(100 * Ms);
        // RTTVAR = 3/4 * 50 + 1/4 * 0 = 37.5 ms; RTO = 100 + 150 = 250 ms.
        Assert.Equal(250 * Ms, rtt.Timeout);
        rtt.Backoff();
        rtt.Backoff();
        Assert.Equal(1000 * Ms, rtt.Timeout);
        for (int i = 0; i < 40; i++)
            rtt.Backoff();
        Assert.Equal(60_000 * Ms, rtt.Timeout);
        for (int i = 0; i < 50; i++)
            rtt.Sample(1 * Ms);
        Assert.Equal(200 * Ms, rtt.Timeout);
    }

    [Fact]
    public void NewRenoSlowStartAvoidanceAndRecovery()
    {
        const int Mss = 1000;
        var cc = new NewReno(Mss, 2);
        Assert.Equal(2000, cc.Window);
        cc.OnNewAck(1000, 1000);
        cc.OnNewAck(1000, 2000);
        Assert.Equal(4000, cc.Window);
        Assert.True(cc.OnTripleDuplicate(flight: 4000, highestSent: 10_000));
        Assert.Equal(2000, cc.Threshold);
        Assert.Equal(5000, cc.Window);
        Assert.False(cc.OnTripleDuplicate(4000, 10_000));
        cc.OnExtraDuplicate();
        Assert.Equal(6000, cc.Window);
        // Partial ACK: still recovering, window deflated by what it covered plus one segment.
        cc.OnNewAck(2000, 5000);
        Assert.True(cc.InRecovery);
        Assert.Equal(5000, cc.Window);
        cc.OnNewAck(5000, 10_000);
        Assert.False(cc.InRecovery);
        Assert.Equal(2000, cc.Window);
        // Congestion avoidance: one segment per window's worth of ACKs.
        cc.OnNewAck(1000, 11_000);
        Assert.Equal(2000, cc.Window);
        cc.OnNewAck(1000, 12_000);
        Assert.Equal(3000, cc.Window);
        cc.OnTimeout(3000);
        Assert.Equal(Mss, cc.Window);
        Assert.Equal(2000, cc.Threshold);
    }

    [Fact]
    public void SequenceComparisonsWrapAround()
    {
        Assert.True(Seq.Lt(0xFFFF_FFF0u, 0x10u));
        Assert.True(Seq.Gt(0x10u, 0xFFFF_FFF0u));
        Assert.True(Seq.InWindow(0x5u, 0xFFFF_FFF0u, 0x20u));
        Assert.False(Seq.InWindow(0x10u, 0xFFFF_FFF0u, 0x20u));
    }

    [Fact]
    public void OutOfOrderRangesMergeAndAdvance()
    {
        var ranges = new OutOfOrderRanges(3);
        Assert.True(ranges.Add(10, 20));
        Assert.True(ranges.Add(30, 40));
        Assert.True(ranges.Add(50, 60));
        Assert.False(ranges.Add(70, 80));
        Assert.True(ranges.Add(18, 32));
        Assert.Equal(2, ranges.Count);
        // 10 in-order bytes arrive: [10,40) becomes contiguous (30 more bytes).
        Assert.Equal(30, ranges.Advance(10));
        Assert.Equal(1, ranges.Count);
        Assert.Equal(0, ranges.Advance(5));
        Assert.Equal(10, ranges.Advance(5));
        Assert.True(ranges.IsEmpty);
    }

    [Fact]
    public void RingWrapsAroundAndKeepsOutOfOrderBytesInPlace()
    {
        var ring = new ByteRing(8);
        Assert.Equal(6, ring.Write([1, 2, 3, 4, 5, 6]));
        byte[] two = new byte[2];
        ring.Read(two);
        Assert.True(ring.TryWriteAt(ring.Count + 2, [9, 9]));
        Assert.Equal(2, ring.Write([7, 8]));
        ring.Commit(2);
        byte[] all = new byte[8];
        Assert.Equal(8, ring.Read(all));
        Assert.Equal(new byte[] { 3, 4, 5, 6, 7, 8, 9, 9 }, all);
    }

    [Fact]
    public void RingStartsWithNoStorageAndGrowsKeepingWrappedAndOutOfOrderBytes()
    {
        var ring = new ByteRing(200_000);
        Assert.Equal(0, ring.Allocated);
        Assert.Equal(200_000, ring.Free);
        var random = new Random(4);
        byte[] written = new byte[300_000];
        random.NextBytes(written);
        var read = new List<byte>();
        int next = 0;
        byte[] buffer = new byte[3000];
        // Wrap the first storage, then keep out-of-order bytes past the end while it grows.
        Assert.Equal(3000, ring.Write(written.AsSpan(0, 3000)));
        next = 3000;
        int r = ring.Read(buffer.AsSpan(0, 2500));
        read.AddRange(buffer[..r]);
        Assert.Equal(2000, ring.Write(written.AsSpan(next, 2000)));
        next += 2000;
        int allocatedBefore = ring.Allocated;
        Assert.True(ring.TryWriteAt(ring.Count + 1000, written.AsSpan(next + 1000, 9000)));
        Assert.True(ring.Allocated > allocatedBefore);
        Assert.Equal(1000, ring.Write(written.AsSpan(next, 1000)));
        ring.Commit(9000);
        next += 10_000;
        while (next < written.Length || ring.Count > 0)
        {
            if (next < written.Length)
                next += ring.Write(written.AsSpan(next, Math.Min(7000, written.Length - next)));
            r = ring.Read(buffer);
            read.AddRange(buffer[..r]);
        }
        Assert.Equal(written, read.ToArray());
        Assert.True(ring.Allocated <= ring.Capacity);
        Assert.False(ring.TryWriteAt(0, new byte[200_001]));
    }

    [Fact]
    public void ARingAskedForItsFirstStorageHasItAtOnce()
    {
        var ring = new ByteRing(100_000, firstStorage: true);
        Assert.InRange(ring.Allocated, 1, 4096);
        Assert.Equal(100_000, ring.Writable);
        Assert.Equal(16, new ByteRing(16, firstStorage: true).Allocated);
    }

    [Fact]
    public void RingFillsToItsCapacityExactly()
    {
        var ring = new ByteRing(255 * 1024);
        Assert.Equal(255 * 1024, ring.Write(new byte[300_000]));
        Assert.Equal(255 * 1024, ring.Allocated);
        Assert.Equal(0, ring.Free);
    }
}
