using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// A fake controller with one disk on port 0, reset, the port started and identified, and the
// AhciDisk over it: what AhciLibrary builds on the machine.
internal sealed class AhciRig
{
    public AhciRig(FakeDisk? disk = null, bool interrupts = false, int port = 0)
    {
        Uk.Core.Clock.IsAvailable = false;
        AhciOptions.TimeoutMs = 30000;
        Hba = new FakeAhci();
        Disk = disk ?? new FakeDisk(2048);
        Hba.Attach(port, Disk);
        Controller = new AhciController(Hba);
        Assert.True(Controller.Reset());
        Port = new AhciPort(Hba, port, PortMemory.Allocate()!, interrupts);
        Assert.True(Port.Start());
        IdentifyData? identity = DiskIdentification.Run(Port, out string refusal);
        Assert.True(identity is not null, refusal);
        Device = new AhciDisk("sda", Port, identity!) { UsesInterrupts = interrupts };
        Controller.Attach(Device);
        if (interrupts)
            Controller.EnableInterrupts();
        Hba.Commands.Clear();
    }

    public FakeAhci Hba { get; }

    public FakeDisk Disk { get; }

    public AhciController Controller { get; }

    public AhciPort Port { get; }

    public AhciDisk Device { get; }
}
