using Uk.Drivers.Apic.Controllers;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// Device interrupts through the I/O APIC to this CPU's local APIC, GSI n on vector 0x30 + n.
// The 8259s stay masked; anything that still arrives on their vectors is spurious.
internal sealed class IoApicRouter : IIrqRouter
{
    private readonly InterruptRouting _routing;
    private readonly LocalApic _localApic;

    public IoApicRouter(InterruptRouting routing, LocalApic localApic)
    {
        _routing = routing;
        _localApic = localApic;
    }

    public string Name => "I/O APIC";

    public int Route(int irq)
    {
        uint gsi = _routing.IsaIrqToGsi(irq, out _, out _);
        int vector = InterruptVectors.IoApicBase + (int)gsi;
        if (vector > InterruptVectors.IoApicLast)
            return -1;
        return _routing.RouteIsaIrq(irq, (byte)vector, (byte)_localApic.Id, out _) ? vector : -1;
    }

    public bool IsSpurious(int vector) => vector >= InterruptVectors.PicBase && vector < InterruptVectors.IoApicBase;

    public bool Delivers(int vector) => vector >= InterruptVectors.IoApicBase && vector <= InterruptVectors.IoApicLast;

    public void EndOfInterrupt(int vector) => _localApic.EndOfInterrupt();

    // The local APIC's MSI window, destination ID in bits 12-19, physical destination mode.
    public bool TryGetMessageAddress(out ulong address)
    {
        address = 0xFEE00000UL | ((ulong)(_localApic.Id & 0xFF) << 12);
        return true;
    }
}
