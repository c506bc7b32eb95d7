using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// A fake controller with one namespace, started, and the NvmeDisk over it: what NvmeLibrary
// builds on the machine.
internal sealed class NvmeRig
{
    public NvmeRig(FakeNamespace? ns = null, bool interrupts = false, int maximumEntries = 64, int transferShift = 0)
    {
        Uk.Core.Clock.IsAvailable = false;
        NvmeOptions.TimeoutMs = 30000;
        Controller = new FakeNvme(ns ?? new FakeNamespace(2048), maximumEntries, transferShift: transferShift);
        Driver = new NvmeController(Controller, interrupts);
        Assert.True(Driver.Start(out string refusal), refusal);
        Device = new NvmeDisk("nvme0n1", IoQueue.Create(Driver)!, Driver.Identity!) { UsesInterrupts = interrupts };
        Controller.Interrupt = Device.OnInterrupt;
        Controller.IoCommands.Clear();
        Controller.Writes.Clear();
    }

    public FakeNvme Controller { get; }

    public FakeNamespace Namespace => Controller.Namespace;

    public NvmeController Driver { get; }

    public NvmeDisk Device { get; }
}

internal static class Pattern
{
    public static void Fill(Span<byte> bytes, int seed)
    {
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 31 + seed * 7 + (i >> 9));
    }
}
