using Uk.Core;
using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

public sealed class ControllerTests
{
    [Fact]
    public void StartHaltsResetsAndProgramsTheRingsBeforeRunning()
    {
        var fake = new FakeXhci();
        var controller = new XhciController(fake);
        Assert.True(controller.Start(out string refusal), refusal);

        Assert.Equal(1, fake.Resets);
        Assert.True(fake.HaltedBeforeReset);
        Assert.True(fake.Running);
        Assert.Equal(FakeXhci.Ports, controller.PortCount);
        Assert.Equal(FakeXhci.Slots, controller.SlotCount);
        Assert.Equal(32, controller.ContextBytes);
        Assert.Equal("1.0", controller.Version);
        Assert.Equal((uint)FakeXhci.Slots, fake.Read(FakeXhci.Operational + XhciRegisters.Configure));
        ulong contexts = fake.Read64(FakeXhci.Operational + XhciRegisters.ContextBaseArray);
        Assert.NotEqual(0UL, contexts);
        Assert.Equal(0UL, contexts % 64);
        ulong commandRing = fake.Read64(FakeXhci.Operational + XhciRegisters.CommandRingControl);
        Assert.Equal(1UL, commandRing & 1);
        int interrupter = FakeXhci.Runtime + XhciRegisters.Interrupter0;
        Assert.Equal(1u, fake.Read(interrupter + XhciRegisters.EventRingTableSize));
        Assert.NotEqual(0UL, fake.Read64(interrupter + XhciRegisters.EventRingTableBase));
    }

    // USB Legacy Support: the OS asks for the controller and the firmware lets go before the
    // reset; one that never does is waited for until the deadline, then reset anyway.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheControllerIsTakenFromTheFirmwareBeforeItsReset(bool firmwareLetsGo)
    {
        var fake = new FakeXhci(firmwareLetsGo: firmwareLetsGo);
        Clock.IsAvailable = true;
        try
        {
            Assert.True(new XhciController(fake).Start(out string refusal), refusal);
        }
        finally
        {
            Clock.IsAvailable = false;
        }
        uint semaphores = fake.Read(FakeXhci.LegacySupport);
        Assert.NotEqual(0u, semaphores & XhciRegisters.OsOwned);
        Assert.Equal(!firmwareLetsGo, (semaphores & XhciRegisters.BiosOwned) != 0);
        Assert.Equal(1, fake.Resets);
    }

    // 100 commands go round the 32-slot command ring three times and the 64-slot event ring
    // once: each completes, matched to its own TRB by address.
    [Fact]
    public void CommandsCompleteAcrossTheLinkTrbAndTheEventRingWrap()
    {
        var fake = new FakeXhci();
        var controller = new XhciController(fake);
        Assert.True(controller.Start(out string refusal), refusal);
        for (int i = 0; i < 100; i++)
            Assert.True(controller.RunCommand(0, 0, Trb.TypeBits(Trb.NoOp), out _), "command " + i);
        Assert.Equal(100, fake.CommandsRun);
        Assert.Equal(3, fake.LinksFollowed);

        Assert.True(controller.RunCommand(0, 0, Trb.TypeBits(Trb.EnableSlot), out Trb enabled));
        Assert.Equal(1, enabled.SlotId);
        // ERDP follows the events taken, with Event Handler Busy written to clear it.
        int dequeue = FakeXhci.Runtime + XhciRegisters.Interrupter0 + XhciRegisters.EventRingDequeue;
        Assert.NotEqual(0u, fake.Read(dequeue) & XhciRegisters.EventHandlerBusy);
    }

    [Fact]
    public void AControllerStuckInResetIsRefusedWithAReasonAfterTheTimeout()
    {
        Clock.IsAvailable = true;
        try
        {
            var controller = new XhciController(new FakeXhci { StuckInReset = true });
            Assert.False(controller.Start(out string refusal));
            Assert.StartsWith("the controller did not halt and reset (USBSTS 0x", refusal);
        }
        finally
        {
            Clock.IsAvailable = false;
        }
    }
}
