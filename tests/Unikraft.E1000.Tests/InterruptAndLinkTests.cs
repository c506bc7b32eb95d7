using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// The INTx handler on a possibly shared line, the NAPI-style masking of receive interrupts,
// and link state as the status register and the link-change cause report it.
public sealed class InterruptAndLinkTests
{
    [Fact]
    public void AnInterruptWithNoCausesIsAnotherDevices()
    {
        using var rig = new E1000Rig();
        rig.Net.OnInterrupt();
        Assert.Equal(0, rig.Notifications);
        Assert.Equal(0ul, rig.Net.InterruptCount);
    }

    [Fact]
    public void AReceiveInterruptMasksReceiveUntilTheRingIsDrained()
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 1)));
        Assert.True(rig.Device.LineAsserted);
        rig.Net.OnInterrupt();
        Assert.Equal(1, rig.Notifications);
        Assert.Equal(1ul, rig.Net.InterruptCount);
        Assert.Equal(0u, rig.Device.Mask & E1000Registers.CausesReceive);
        // More frames while masked raise nothing.
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 2)));
        Assert.False(rig.Device.LineAsserted);

        rig.Net.Receive()!.Release();
        rig.Net.Receive()!.Release();
        Assert.Null(rig.Net.Receive());
        // Drained: unmasked again, and the causes the taken frames left do not fire at once.
        Assert.Equal(E1000Registers.CausesReceive, rig.Device.Mask & E1000Registers.CausesReceive);
        Assert.False(rig.Device.LineAsserted);
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 3)));
        Assert.True(rig.Device.LineAsserted);
    }

    [Fact]
    public void TheHandlerClearsTheCausesItRead()
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 1)));
        rig.Net.OnInterrupt();
        Assert.Equal(0u, rig.Device.Causes);
    }

    [Fact]
    public void AnOverrunAddsWhatTheChipMissedToTheDropCount()
    {
        using var rig = new E1000Rig(rxRing: 8, rxBuffers: 8);
        for (int i = 0; i < 7; i++)
            Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, (byte)i)));
        Assert.False(rig.Device.Deliver(E1000Rig.Frame(60, 7)));
        Assert.False(rig.Device.Deliver(E1000Rig.Frame(60, 8)));
        rig.Net.OnInterrupt();
        Assert.Equal(2ul, rig.Net.Statistics.ReceiveDropped);
        int taken = 0;
        NetBuffer? frame;
        while ((frame = rig.Net.Receive()) is not null)
        {
            frame.Release();
            taken++;
        }
        Assert.Equal(7, taken);
    }

    [Fact]
    public void LinkStateFollowsTheStatusRegister()
    {
        using var rig = new E1000Rig();
        Assert.True(rig.Net.LinkUp);
        rig.Device.SetLink(false);
        Assert.False(rig.Net.LinkUp);
        Assert.True(rig.Device.LineAsserted);
        rig.Net.OnInterrupt();
        Assert.Equal(1ul, rig.Net.LinkChanges);
        Assert.Equal(1, rig.Notifications);
        rig.Device.SetLink(true);
        rig.Net.OnInterrupt();
        Assert.True(rig.Net.LinkUp);
        Assert.Equal(2ul, rig.Net.LinkChanges);
    }
}
