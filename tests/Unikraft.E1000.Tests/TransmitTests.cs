using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// What Transmit puts on the transmit ring: frames the chip sends intact and in order over
// many turns of the ring, back-pressure when the ring is full, and frames no chip could send
// refused and counted.
public sealed class TransmitTests
{
    [Fact]
    public void AFrameReachesTheWireIntactAndItsBufferComesBack()
    {
        using var rig = new E1000Rig();
        int pooled = rig.Net.TransmitPool.Available;
        byte[] frame = E1000Rig.Frame(42, 5);
        Assert.True(rig.Net.Transmit(rig.Outgoing(frame)));
        Assert.Single(rig.Device.Sent);
        Assert.Equal(frame, rig.Device.Sent[0]);
        Assert.Equal(1u, rig.Device[E1000Registers.TransmitTail]);
        Assert.Null(rig.Net.Receive());
        Assert.Equal(pooled, rig.Net.TransmitPool.Available);
        Assert.Equal(1ul, rig.Net.Statistics.FramesTransmitted);
        Assert.Equal(42ul, rig.Net.Statistics.BytesTransmitted);
    }

    [Fact]
    public void FramesKeepTheirOrderOverManyTurnsOfTheRing()
    {
        using var rig = new E1000Rig(txRing: 8);
        for (int i = 0; i < 50; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(E1000Rig.Frame(60 + i * 29, (byte)i))));
        Assert.Equal(50, rig.Device.Sent.Count);
        for (int i = 0; i < 50; i++)
            Assert.Equal(E1000Rig.Frame(60 + i * 29, (byte)i), rig.Device.Sent[i]);
        Assert.Equal(50u % 8, rig.Device[E1000Registers.TransmitTail]);
    }

    [Fact]
    public void AFullRingRefusesTheFrameUntilTheChipCatchesUp()
    {
        using var rig = new E1000Rig(txRing: 8);
        rig.Device.HoldTransmits = true;
        for (int i = 0; i < 7; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(E1000Rig.Frame(60, (byte)i))));
        NetBuffer eighth = rig.Outgoing(E1000Rig.Frame(60, 7));
        Assert.False(rig.Net.Transmit(eighth));
        Assert.Equal(1ul, rig.Net.Statistics.TransmitBusy);
        // The sender wants to hear when space comes back: transmit-done is unmasked, its stale cause cleared.
        Assert.NotEqual(0u, rig.Device.Mask & E1000Registers.CauseTransmitDone);
        Assert.False(rig.Device.LineAsserted);

        rig.Device.CompleteTransmits();
        Assert.True(rig.Device.LineAsserted);
        rig.Net.OnInterrupt();
        Assert.Equal(1, rig.Notifications);
        Assert.Equal(0u, rig.Device.Mask & E1000Registers.CauseTransmitDone);
        Assert.True(rig.Net.Transmit(eighth));
        rig.Device.CompleteTransmits();
        Assert.Equal(8, rig.Device.Sent.Count);
        Assert.Equal(E1000Rig.Frame(60, 7), rig.Device.Sent[7]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(1519)]
    public void AFrameNoChipCouldSendIsDroppedAndCounted(int length)
    {
        using var rig = new E1000Rig();
        int pooled = rig.Net.TransmitPool.Available;
        NetBuffer buffer = rig.Net.TransmitPool.Rent()!;
        buffer.Length = length;
        Assert.True(rig.Net.Transmit(buffer));
        Assert.Empty(rig.Device.Sent);
        Assert.Equal(1ul, rig.Net.Statistics.TransmitErrors);
        Assert.Equal(pooled, rig.Net.TransmitPool.Available);
    }

    [Fact]
    public void TheLargestFrameFitsAPoolBuffer()
    {
        using var rig = new E1000Rig();
        Assert.Equal(1518, rig.Net.MaximumFrame);
        Assert.True(rig.Net.TransmitPool.BufferCapacity >= rig.Net.MaximumFrame);
        Assert.True(rig.Net.Transmit(rig.Outgoing(E1000Rig.Frame(1518, 1))));
        Assert.Equal(1518, rig.Device.Sent[0].Length);
    }
}
