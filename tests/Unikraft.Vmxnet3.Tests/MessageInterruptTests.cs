using Uk.NetDev;

namespace Unikraft.Vmxnet3.Tests;

// MSI-X: an interrupt each for receive, transmit and events, told to the device in the
// shared area; the transmit one unmasked only while the sender waits for space.
public sealed class MessageInterruptTests
{
    [Fact]
    public void EachKindGetsItsOwnInterrupt()
    {
        using var rig = new Vmxnet3Rig(messages: true);
        Assert.True(rig.Started);
        Assert.Equal(3, rig.Device.InterruptCount);
        Assert.Equal(0, rig.Device.ReceiveInterrupt);
        Assert.Equal(1, rig.Device.TransmitInterrupt);
        Assert.Equal(2, rig.Device.EventInterrupt);
        Assert.Equal([false, true, false], rig.Device.VectorMasked);
    }

    [Fact]
    public void TheTransmitInterruptIsWantedOnlyWhileTheRingIsFull()
    {
        using var rig = new Vmxnet3Rig(txRing: 32, messages: true);
        rig.Device.HoldTransmits = true;
        for (int i = 0; i < 31; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(Vmxnet3Rig.Frame(60, (byte)i))));
        Assert.True(rig.Device.VectorMasked[1]);
        NetBuffer last = rig.Outgoing(Vmxnet3Rig.Frame(60, 31));
        Assert.False(rig.Net.Transmit(last));
        Assert.False(rig.Device.VectorMasked[1]);
        rig.Device.CompleteTransmits();
        rig.Net.OnTransmitMessage();
        Assert.Equal(1, rig.Notifications);
        Assert.True(rig.Device.VectorMasked[1]);
        Assert.True(rig.Net.Transmit(last));
    }

    [Fact]
    public void AReceiveMessageMasksReceiveUntilTheRingIsDrained()
    {
        using var rig = new Vmxnet3Rig(messages: true);
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(60, 1)));
        rig.Net.OnReceiveMessage();
        Assert.True(rig.Device.VectorMasked[0]);
        rig.Net.Receive()!.Release();
        Assert.Null(rig.Net.Receive());
        Assert.False(rig.Device.VectorMasked[0]);
    }

    [Fact]
    public void TheEventMessageTakesLinkChanges()
    {
        using var rig = new Vmxnet3Rig(messages: true);
        rig.Device.SetLink(false);
        rig.Net.OnEventMessage();
        Assert.Equal(1ul, rig.Net.LinkChanges);
        Assert.False(rig.Net.LinkUp);
        Assert.False(rig.Device.VectorMasked[2]);
    }
}
