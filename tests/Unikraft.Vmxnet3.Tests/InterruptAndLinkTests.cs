namespace Unikraft.Vmxnet3.Tests;

// The INTx handler on a possibly shared line, NAPI-style masking, and link events.
public sealed class InterruptAndLinkTests
{
    [Fact]
    public void AnInterruptWithNoCauseIsAnotherDevices()
    {
        using var rig = new Vmxnet3Rig();
        rig.Net.OnInterrupt();
        Assert.Equal(0, rig.Notifications);
        Assert.Equal(0ul, rig.Net.Statistics.Interrupts);
        Assert.False(rig.Device.Masked);
    }

    [Fact]
    public void AReceiveInterruptStaysMaskedUntilTheRingIsDrained()
    {
        using var rig = new Vmxnet3Rig();
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(60, 1)));
        Assert.True(rig.Device.LineAsserted);
        rig.Net.OnInterrupt();
        Assert.Equal(1, rig.Notifications);
        Assert.True(rig.Device.Masked);
        Assert.True(rig.Device.Deliver(Vmxnet3Rig.Frame(60, 2)));
        Assert.False(rig.Device.LineAsserted);
        rig.Net.Receive()!.Release();
        rig.Net.Receive()!.Release();
        Assert.Null(rig.Net.Receive());
        Assert.False(rig.Device.Masked);
    }

    [Fact]
    public void ALinkEventIsAcknowledgedCountedAndPassedOn()
    {
        using var rig = new Vmxnet3Rig();
        rig.Device.SetLink(false);
        rig.Net.OnInterrupt();
        Assert.False(rig.Net.LinkUp);
        Assert.Equal(1ul, rig.Net.LinkChanges);
        Assert.Equal(1, rig.Notifications);
        rig.Device.SetLink(true);
        rig.Net.OnInterrupt();
        Assert.True(rig.Net.LinkUp);
        Assert.Equal(2ul, rig.Net.LinkChanges);
    }
}
