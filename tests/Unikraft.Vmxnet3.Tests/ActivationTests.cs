using Uk.Drivers.Vmxnet3;

namespace Unikraft.Vmxnet3.Tests;

// Start: revision 1 selected, the shared area and queue table the device reads at
// activation, the MAC and link from the registers, and the refusals that fail it.
public sealed class ActivationTests
{
    [Fact]
    public void TheDeviceReadsOneQueueOfEachKindWithTheirRings()
    {
        using var rig = new Vmxnet3Rig(rxRing: 64, txRing: 32);
        FakeVmxnet3 device = rig.Device;
        Assert.True(rig.Started);
        Assert.True(device.Active);
        Assert.Equal(0xBABEFEE1u, device.Magic);
        Assert.Equal(1500u, device.Mtu);
        Assert.Equal(1, device.TransmitQueues);
        Assert.Equal(1, device.ReceiveQueues);
        Assert.Equal(1, device.InterruptCount);
        Assert.Equal(0u, device.InterruptControl);
        // Unicast and broadcast.
        Assert.Equal(0x05u, device.ReceiveMode);
        Assert.Equal(rig.Tx.Ring.Address, device.TxRing);
        Assert.Equal(rig.Tx.Completions.Address, device.TxCompletionRing);
        Assert.Equal(32, device.TxSize);
        Assert.Equal(32, device.TxCompletionSize);
        Assert.Equal(rig.Rx.Ring.Address, device.RxRing0);
        Assert.Equal(rig.Rx.SpareRing.Address, device.RxRing1);
        Assert.Equal(64, device.RxSize0);
        Assert.Equal(RxQueue.SpareSize, device.RxSize1);
        Assert.Equal(64 + RxQueue.SpareSize, device.RxCompletionSize);
        Assert.Equal(Vmxnet3Rig.Address, rig.Net.Mac);
        Assert.True(rig.Net.LinkUp);
        Assert.False(device.Masked);
        Assert.True(device.ReceiveProducerWrites > 0);
        // Every receive descriptor holds a buffer.
        Assert.Equal(0, rig.Rx.Free);
    }

    [Fact]
    public void APolledDeviceHasItsInterruptDisabledAndMasked()
    {
        using var rig = new Vmxnet3Rig(interrupts: false);
        Assert.True(rig.Started);
        Assert.Equal(SharedArea.InterruptsDisabled, rig.Device.InterruptControl);
        Assert.True(rig.Device.Masked);
    }

    [Fact]
    public void ADeviceWithoutRevision1IsNotStarted()
    {
        using var rig = new Vmxnet3Rig(start: false);
        rig.Device.SupportsRevision1 = false;
        Assert.False(rig.Net.Start());
        Assert.False(rig.Device.Active);
    }

    [Fact]
    public void ARefusedActivationFailsStart()
    {
        using var rig = new Vmxnet3Rig(start: false);
        rig.Device.RefusesActivation = true;
        Assert.False(rig.Net.Start());
    }
}
