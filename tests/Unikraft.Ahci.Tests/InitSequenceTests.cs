using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// Bringing up the HBA and a port in the order AHCI 1.3.1 section 10 gives.
public sealed class InitSequenceTests
{
    [Fact]
    public void TheResetTurnsOnAhciModeFirstWaitsForItToFinishAndReadsTheCapabilities()
    {
        var hba = new FakeAhci { ResetReads = 5 };
        hba.Attach(2, new FakeDisk(64));
        var controller = new AhciController(hba);

        Assert.True(controller.Reset());

        var global = hba.Writes.Where(w => w.Offset == AhciRegisters.GlobalControl).Select(w => w.Value).ToArray();
        Assert.Equal(
            [AhciRegisters.GlobalAhciEnable, AhciRegisters.GlobalAhciEnable | AhciRegisters.GlobalReset, AhciRegisters.GlobalAhciEnable],
            global);
        Assert.Equal(0, hba.ResetReads);
        Assert.Equal(32, controller.CommandSlots);
        Assert.True(controller.Supports64Bit);
        Assert.Equal(0x3Fu, controller.PortsImplemented);
        Assert.Equal("1.3.1", controller.Version);
        Assert.True(controller.HasLink(2));
        Assert.False(controller.HasLink(0));
        // Every implemented port is spun up (HBAs with staggered spin-up wait for it).
        for (int port = 0; port < 6; port++)
            Assert.Equal(AhciRegisters.CommandSpinUp | AhciRegisters.CommandPowerOn, hba.Port(port, AhciRegisters.PortCommand) & (AhciRegisters.CommandSpinUp | AhciRegisters.CommandPowerOn));
    }

    [Fact]
    public void AResetThatNeverFinishesIsReportedNotWaitedForForever()
    {
        var hba = new FakeAhci { ResetReads = int.MaxValue };
        var controller = new AhciController(hba);

        Assert.False(controller.Reset());
    }

    [Fact]
    public void StartingAPortPointsTheHbaAtItsMemoryThenStartsFisReceiveBeforeTheCommandEngine()
    {
        var hba = new FakeAhci();
        hba.Attach(1, new FakeDisk(64));
        var controller = new AhciController(hba);
        Assert.True(controller.Reset());
        PortMemory memory = PortMemory.Allocate()!;
        var port = new AhciPort(hba, 1, memory, interrupts: true);
        hba.Writes.Clear();

        Assert.True(port.Start());

        Assert.Equal((uint)memory.CommandListAddress, hba.Port(1, AhciRegisters.PortCommandListBase));
        Assert.Equal((uint)(memory.CommandListAddress >> 32), hba.Port(1, AhciRegisters.PortCommandListBaseHigh));
        Assert.Equal((uint)memory.ReceivedFisAddress, hba.Port(1, AhciRegisters.PortFisBase));
        Assert.Equal(0u, memory.CommandListAddress % 1024);
        Assert.Equal(0u, memory.ReceivedFisAddress % 256);
        Assert.Equal(0u, memory.TableAddress % 128);
        int fisReceive = hba.Writes.FindIndex(w => w.Offset == AhciRegisters.Port(1, AhciRegisters.PortCommand) && (w.Value & AhciRegisters.CommandFisReceiveEnable) != 0);
        int start = hba.Writes.FindIndex(w => w.Offset == AhciRegisters.Port(1, AhciRegisters.PortCommand) && (w.Value & AhciRegisters.CommandStart) != 0);
        int listBase = hba.Writes.FindIndex(w => w.Offset == AhciRegisters.Port(1, AhciRegisters.PortCommandListBase));
        Assert.True(listBase < fisReceive && fisReceive < start, "CLB, then FRE, then ST");
        uint command = hba.Port(1, AhciRegisters.PortCommand);
        Assert.True((command & AhciRegisters.CommandListRunning) != 0 && (command & AhciRegisters.CommandFisReceiveRunning) != 0);
        Assert.Equal(AhciRegisters.PortCompletions | AhciRegisters.PortErrors, hba.Port(1, AhciRegisters.PortInterruptEnable));
        Assert.Equal(AhciRegisters.SignatureAta, port.Signature);
    }

    [Fact]
    public void APolledPortEnablesNoInterruptCauses()
    {
        var rig = new AhciRig(interrupts: false);

        Assert.Equal(0u, rig.Hba.Port(0, AhciRegisters.PortInterruptEnable));
        Assert.Equal(0u, rig.Hba.Read(AhciRegisters.GlobalControl) & AhciRegisters.GlobalInterruptEnable);
    }

    [Fact]
    public void IdentifyIsSentAsAPioCommandIntoThePortsSectorBuffer()
    {
        var hba = new FakeAhci();
        hba.Attach(0, new FakeDisk(5000, model: "QEMU HARDDISK"));
        Assert.True(new AhciController(hba).Reset());
        var port = new AhciPort(hba, 0, PortMemory.Allocate()!, interrupts: false);
        Assert.True(port.Start());

        IdentifyData? identity = DiskIdentification.Run(port, out _);

        IssuedCommand identify = Assert.Single(hba.Commands);
        Assert.Equal(AtaProtocol.IdentifyDevice, identify.Command);
        Assert.False(identify.IsWrite);
        Region region = Assert.Single(identify.Regions);
        Assert.Equal(port.Memory.IdentifyAddress, region.Address);
        Assert.Equal(512, region.Bytes);
        Assert.NotNull(identity);
        Assert.Equal(5000ul, identity!.SectorCount);
        Assert.Equal("QEMU HARDDISK", identity.Model);
    }

    [Fact]
    public void ADeviceThatNeverAnswersIdentifyIsRefusedAfterTheTimeout()
    {
        var hba = new FakeAhci();
        hba.Attach(0, new FakeDisk(64));
        Assert.True(new AhciController(hba).Reset());
        var port = new AhciPort(hba, 0, PortMemory.Allocate()!, interrupts: false);
        Assert.True(port.Start());
        hba.Hang = true;
        Uk.Core.Clock.IsAvailable = true;
        AhciOptions.TimeoutMs = 50;
        try
        {
            Assert.Null(DiskIdentification.Run(port, out string refusal));
            Assert.Equal("IDENTIFY DEVICE timed out", refusal);
        }
        finally
        {
            Uk.Core.Clock.IsAvailable = false;
            AhciOptions.TimeoutMs = 30000;
        }
    }
}
