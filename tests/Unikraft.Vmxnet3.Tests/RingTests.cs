using Uk.NetDev;

namespace Unikraft.Vmxnet3.Tests;

// Both queues over many turns of their generation-bit rings, and everything malformed the
// device could complete dropped and counted with the buffer back on the ring.
public sealed class RingTests
{
    [Fact]
    public void ReceivedFramesKeepTheirOrderOverManyTurnsOfTheRings()
    {
        using var rig = new Vmxnet3Rig(rxRing: 32, rxBuffers: 32);
        int delivered = 0;
        int received = 0;
        for (int round = 0; round < 30; round++)
        {
            int burst = 1 + round * 7 % 32;
            for (int i = 0; i < burst; i++, delivered++)
                Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(60 + delivered * 37 % 1400, (byte)delivered)), "delivery " + delivered);
            NetBuffer? frame;
            while ((frame = rig.Net.Receive()) is not null)
            {
                Assert.Equal(Vmxnet3Rig.Frame(60 + received * 37 % 1400, (byte)received), frame.Span.ToArray());
                frame.Release();
                received++;
            }
            Assert.Equal(delivered, received);
            Assert.Equal(0, rig.Rx.Free);
        }
        Assert.Equal((ulong)delivered, rig.Net.Statistics.FramesReceived);
        Assert.Equal(0ul, rig.Net.Statistics.ReceiveErrors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(1519)]
    [InlineData(16383)]
    public void ABadLengthFromTheDeviceIsDroppedAndCounted(int length)
    {
        using var rig = new Vmxnet3Rig();
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 1), length: length));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(90, 2)));
        NetBuffer? next = rig.Net.Receive();
        Assert.NotNull(next);
        Assert.Equal(Vmxnet3Rig.Frame(90, 2), next!.Span.ToArray());
        next.Release();
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
        Assert.Null(rig.Net.Receive());
        Assert.Equal(0, rig.Rx.Free);
    }

    [Fact]
    public void ErrorsIndicesOutsideTheRingAndTheOtherRingAreDropped()
    {
        using var rig = new Vmxnet3Rig();
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 1), error: true));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 2), index: 4000));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 3), ring: 1));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(80, 4)));
        NetBuffer? next = rig.Net.Receive();
        Assert.NotNull(next);
        Assert.Equal(Vmxnet3Rig.Frame(80, 4), next!.Span.ToArray());
        next.Release();
        Assert.Equal(3ul, rig.Net.Statistics.ReceiveErrors);
    }

    [Fact]
    public void AnIndexCompletedTwiceIsCountedNotHandedOutTwice()
    {
        using var rig = new Vmxnet3Rig();
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 1), index: 0));
        NetBuffer first = rig.Net.Receive()!;
        // Descriptor 0 is reposted only after the ring wraps; naming it again now is a lie.
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 2), index: 0));
        Assert.Null(rig.Net.Receive());
        first.Release();
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
    }

    [Fact]
    public void AFrameInPiecesIsDroppedWholeAndCountedOnce()
    {
        using var rig = new Vmxnet3Rig();
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(2048, 1), eop: false));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(2048, 2), sop: false, eop: false));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(100, 3), sop: false));
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(70, 4)));
        NetBuffer? next = rig.Net.Receive();
        Assert.NotNull(next);
        Assert.Equal(Vmxnet3Rig.Frame(70, 4), next!.Span.ToArray());
        next.Release();
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
    }

    [Fact]
    public void SentFramesKeepTheirOrderOverManyTurnsOfTheRing()
    {
        using var rig = new Vmxnet3Rig(txRing: 32);
        int pooled = rig.Net.TransmitPool.Available;
        for (int i = 0; i < 200; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(Vmxnet3Rig.Frame(60 + i * 13 % 1400, (byte)i))));
        Assert.Equal(200, rig.Device.Sent.Count);
        for (int i = 0; i < 200; i++)
            Assert.Equal(Vmxnet3Rig.Frame(60 + i * 13 % 1400, (byte)i), rig.Device.Sent[i]);
        Assert.Null(rig.Net.Receive());
        Assert.Equal(pooled, rig.Net.TransmitPool.Available);
    }

    [Fact]
    public void AFullTransmitRingRefusesUntilTheDeviceCatchesUp()
    {
        using var rig = new Vmxnet3Rig(txRing: 32);
        rig.Device.HoldTransmits = true;
        for (int i = 0; i < 31; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(Vmxnet3Rig.Frame(60, (byte)i))));
        NetBuffer last = rig.Outgoing(Vmxnet3Rig.Frame(60, 31));
        Assert.False(rig.Net.Transmit(last));
        Assert.Equal(1ul, rig.Net.Statistics.TransmitBusy);
        rig.Device.CompleteTransmits();
        Assert.True(rig.Net.Transmit(last));
        rig.Device.CompleteTransmits();
        Assert.Equal(32, rig.Device.Sent.Count);
        Assert.Equal(Vmxnet3Rig.Frame(60, 31), rig.Device.Sent[31]);
    }

    [Fact]
    public void ACompletionForAFrameNotInFlightIsCountedAndIgnored()
    {
        using var rig = new Vmxnet3Rig(txRing: 32);
        rig.Device.HoldTransmits = true;
        Assert.True(rig.Net.Transmit(rig.Outgoing(Vmxnet3Rig.Frame(60, 1))));
        rig.Device.CompleteTransmits(reportIndex: 17);
        Assert.Null(rig.Net.Receive());
        Assert.Equal(1ul, rig.Net.RejectedCompletions);
        Assert.Equal(1, rig.Tx.InFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(1519)]
    public void AFrameNoDeviceCouldSendIsDroppedAndCounted(int length)
    {
        using var rig = new Vmxnet3Rig();
        int pooled = rig.Net.TransmitPool.Available;
        NetBuffer buffer = rig.Net.TransmitPool.Rent()!;
        buffer.Length = length;
        Assert.True(rig.Net.Transmit(buffer));
        Assert.Empty(rig.Device.Sent);
        Assert.Equal(1ul, rig.Net.Statistics.TransmitErrors);
        Assert.Equal(pooled, rig.Net.TransmitPool.Available);
    }
}
