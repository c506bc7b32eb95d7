using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// What Receive makes of what the chip writes into the receive ring: good frames in order and
// intact across many turns of the ring, and everything malformed dropped and counted with
// its buffer back on the ring.
public sealed class ReceiveTests
{
    [Fact]
    public void ADeliveredFrameComesOutIntactAndCounted()
    {
        using var rig = new E1000Rig();
        byte[] frame = E1000Rig.Frame(60, 3);
        Assert.True(rig.Device.Deliver(frame));
        NetBuffer? received = rig.Net.Receive();
        Assert.NotNull(received);
        Assert.Equal(frame, received!.Span.ToArray());
        Assert.False(received.ChecksumVerified);
        received.Release();
        Assert.Null(rig.Net.Receive());
        Assert.Equal(1ul, rig.Net.Statistics.FramesReceived);
        Assert.Equal(60ul, rig.Net.Statistics.BytesReceived);
        Assert.Equal(0ul, rig.Net.Statistics.ReceiveErrors);
    }

    [Fact]
    public void FramesKeepTheirOrderOverManyTurnsOfTheRing()
    {
        using var rig = new E1000Rig(rxRing: 8, rxBuffers: 8);
        int delivered = 0;
        int received = 0;
        // Bursts of up to 7 (a full ring) between drains: the ring wraps many times.
        for (int round = 0; round < 20; round++)
        {
            int burst = 1 + round % 7;
            for (int i = 0; i < burst; i++, delivered++)
                Assert.True(rig.Device.Deliver(E1000Rig.Frame(64 + delivered * 37 % 1400, (byte)delivered)), "delivery " + delivered);
            NetBuffer? buffer;
            while ((buffer = rig.Net.Receive()) is not null)
            {
                Assert.Equal(E1000Rig.Frame(64 + received * 37 % 1400, (byte)received), buffer.Span.ToArray());
                buffer.Release();
                received++;
            }
            Assert.Equal(delivered, received);
            Assert.Equal(7, (int)((rig.Device[E1000Registers.ReceiveTail] - rig.Device[E1000Registers.ReceiveHead] + 8) % 8));
        }
        Assert.Equal((ulong)delivered, rig.Net.Statistics.FramesReceived);
        Assert.Equal(0u, rig.Device.Missed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(1519)]
    [InlineData(2048)]
    [InlineData(65535)]
    public void ABadLengthFromTheDeviceIsDroppedAndCounted(int length)
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(100, 1), length: length));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(90, 2)));
        NetBuffer? next = rig.Net.Receive();
        Assert.NotNull(next);
        Assert.Equal(E1000Rig.Frame(90, 2), next!.Span.ToArray());
        next.Release();
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
        Assert.Equal(1ul, rig.Net.Statistics.FramesReceived);
    }

    [Theory]
    [InlineData((byte)0x01)]
    [InlineData((byte)0x02)]
    [InlineData((byte)0x80)]
    public void AFrameTheChipMarksDamagedIsDropped(byte errors)
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(100, 1), errors: errors));
        Assert.Null(rig.Net.Receive());
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
        Assert.Equal(0ul, rig.Net.Statistics.FramesReceived);
    }

    [Fact]
    public void ChecksumErrorsAloneDoNotDropTheFrame()
    {
        using var rig = new E1000Rig();
        // TCPE and IPE: the stack verifies checksums itself and decides.
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(100, 1), errors: 0x60));
        NetBuffer? frame = rig.Net.Receive();
        Assert.NotNull(frame);
        frame!.Release();
    }

    [Fact]
    public void AFrameInSeveralPiecesIsDroppedWholeAndCountedOnce()
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(2048, 1), status: 0));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(2048, 2), status: 0));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(500, 3)));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(70, 4)));
        NetBuffer? next = rig.Net.Receive();
        Assert.NotNull(next);
        Assert.Equal(E1000Rig.Frame(70, 4), next!.Span.ToArray());
        next.Release();
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveErrors);
        Assert.Equal(1ul, rig.Net.Statistics.FramesReceived);
    }

    [Fact]
    public void DroppedFramesGiveTheirBuffersBackToTheRing()
    {
        using var rig = new E1000Rig(rxRing: 8, rxBuffers: 8);
        for (int round = 0; round < 10; round++)
        {
            for (int i = 0; i < 7; i++)
                Assert.True(rig.Device.Deliver(E1000Rig.Frame(100, 1), length: 5));
            Assert.Null(rig.Net.Receive());
        }
        Assert.Equal(70ul, rig.Net.Statistics.ReceiveErrors);
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(100, 9)));
        NetBuffer? frame = rig.Net.Receive();
        Assert.NotNull(frame);
        frame!.Release();
    }

    [Fact]
    public void FramesHeldByTheConsumerLeaveTheRingShortAndTheChipCountsWhatItMissed()
    {
        using var rig = new E1000Rig(rxRing: 8, rxBuffers: 8, interrupts: false);
        var held = new List<NetBuffer>();
        for (int i = 0; i < 7; i++)
        {
            Assert.True(rig.Device.Deliver(E1000Rig.Frame(80, (byte)i)));
            held.Add(rig.Net.Receive()!);
        }
        // Eight buffers in all: seven held, one on the ring.
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(80, 7)));
        Assert.False(rig.Device.Deliver(E1000Rig.Frame(80, 8)));
        NetBuffer last = rig.Net.Receive()!;
        Assert.Null(rig.Net.Receive());
        Assert.Equal(1ul, rig.Net.Statistics.ReceiveDropped);
        foreach (NetBuffer buffer in held)
            buffer.Release();
        last.Release();
        Assert.Null(rig.Net.Receive());
        Assert.Equal(7, (int)((rig.Device[E1000Registers.ReceiveTail] - rig.Device[E1000Registers.ReceiveHead] + 8) % 8));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(80, 9)));
        Assert.Equal(E1000Rig.Frame(80, 9), rig.Net.Receive()!.Span.ToArray());
    }
}
