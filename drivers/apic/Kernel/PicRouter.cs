using Uk.Drivers.Apic.Controllers;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// Device interrupts through the 8259 PICs, for machines whose firmware describes no I/O APIC
// (no ACPI): IRQ n on vector 0x20 + n.
internal sealed class PicRouter : IIrqRouter
{
    private readonly LegacyPic _pic;

    public PicRouter(LegacyPic pic) => _pic = pic;

    public string Name => "8259 PIC";

    public int Route(int irq)
    {
        if ((uint)irq >= LegacyPic.IrqCount)
            return -1;
        _pic.Unmask(irq);
        return InterruptVectors.PicBase + irq;
    }

    public bool IsSpurious(int vector) => IsPicVector(vector) && _pic.IsSpurious(vector - InterruptVectors.PicBase);

    public bool Delivers(int vector) => IsPicVector(vector);

    public void EndOfInterrupt(int vector) => _pic.EndOfInterrupt(vector - InterruptVectors.PicBase);

    // The 8259s know only their lines: no message-signalled interrupts.
    public bool TryGetMessageAddress(out ulong address)
    {
        address = 0;
        return false;
    }

    private static bool IsPicVector(int vector) => vector >= InterruptVectors.PicBase && vector < InterruptVectors.PicBase + LegacyPic.IrqCount;
}
