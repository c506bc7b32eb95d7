using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// The 82574 on MSI-X: three entries (receive, transmit, other), queue causes the chip clears
// and masks itself as it sends their messages, and the same drain-then-unmask cycle as INTx.
public sealed class MessageInterruptTests
{
    [Fact]
    public void StartPointsEachCauseAtItsOwnEntry()
    {
        using var rig = new E1000Rig(0x10D3, messages: true);
        Assert.True(rig.Started);
        // Nibbles: receive queue 0 -> entry 0, transmit queue 0 -> entry 1, other -> entry 2, each valid.
        Assert.Equal(0x000A_0908u, rig.Device[E1000Registers.InterruptVectors]);
        Assert.Equal(E1000Registers.CauseReceiveQueue0 | E1000Registers.CauseTransmitQueue0, rig.Device[E1000Registers.MessageAutoClear]);
        Assert.Equal(E1000Registers.CauseReceiveQueue0 | E1000Registers.CauseOther | E1000Registers.CauseLinkChange | E1000Registers.CauseReceiveOverrun, rig.Device.Mask);
    }

    [Fact]
    public void AReceiveMessageLeavesReceiveMaskedUntilTheRingIsDrained()
    {
        using var rig = new E1000Rig(0x10D3, messages: true);
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 1)));
        Assert.True(rig.Device.SendsMessage(E1000Registers.CauseReceiveQueue0));
        rig.Net.OnReceiveMessage();
        Assert.Equal(1, rig.Notifications);
        Assert.Equal(1ul, rig.Net.Statistics.Interrupts);
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 2)));
        Assert.False(rig.Device.SendsMessage(E1000Registers.CauseReceiveQueue0));

        rig.Net.Receive()!.Release();
        rig.Net.Receive()!.Release();
        Assert.Null(rig.Net.Receive());
        Assert.NotEqual(0u, rig.Device.Mask & E1000Registers.CauseReceiveQueue0);
        Assert.False(rig.Device.SendsMessage(E1000Registers.CauseReceiveQueue0));
        Assert.True(rig.Device.Deliver(E1000Rig.Frame(60, 3)));
        Assert.True(rig.Device.SendsMessage(E1000Registers.CauseReceiveQueue0));
    }

    [Fact]
    public void ATransmitMessageComesOnlyAfterTheRingWasFull()
    {
        using var rig = new E1000Rig(0x10D3, txRing: 8, messages: true);
        rig.Device.HoldTransmits = true;
        for (int i = 0; i < 7; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(E1000Rig.Frame(60, (byte)i))));
        rig.Device.CompleteTransmits();
        Assert.False(rig.Device.SendsMessage(E1000Registers.CauseTransmitQueue0));
        for (int i = 0; i < 7; i++)
            Assert.True(rig.Net.Transmit(rig.Outgoing(E1000Rig.Frame(60, (byte)i))));
        NetBuffer eighth = rig.Outgoing(E1000Rig.Frame(60, 7));
        Assert.False(rig.Net.Transmit(eighth));
        rig.Device.CompleteTransmits();
        Assert.True(rig.Device.SendsMessage(E1000Registers.CauseTransmitQueue0));
        rig.Net.OnTransmitMessage();
        Assert.Equal(1, rig.Notifications);
        Assert.Equal(0u, rig.Device.Mask & E1000Registers.CauseTransmitQueue0);
        Assert.True(rig.Net.Transmit(eighth));
    }

    [Fact]
    public void TheOtherEntryReadsLinkChanges()
    {
        using var rig = new E1000Rig(0x10D3, messages: true);
        rig.Device.SetLink(false);
        rig.Net.OnOtherMessage();
        Assert.False(rig.Net.LinkUp);
        Assert.Equal(1ul, rig.Net.LinkChanges);
        Assert.Equal(1, rig.Notifications);
    }
}
