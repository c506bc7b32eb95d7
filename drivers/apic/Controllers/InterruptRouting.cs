using Uk.Drivers.Acpi;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic.Controllers;

// All I/O APICs together, addressed by GSI, with the MADT's ISA overrides applied
// (on QEMU and most PCs the PIT's IRQ 0 arrives on GSI 2).
public sealed class InterruptRouting
{
    private readonly InterruptOverride[] _overrides;

    public InterruptRouting(IoApic[] ioApics, InterruptOverride[] overrides)
    {
        IoApics = ioApics;
        _overrides = overrides;
    }

    public IoApic[] IoApics { get; }

    // The GSI an ISA IRQ arrives on and how it is signalled, conforming resolved to ISA's.
    public uint IsaIrqToGsi(int irq, out InterruptPolarity polarity, out InterruptTrigger trigger)
    {
        polarity = InterruptPolarity.ActiveHigh;
        trigger = InterruptTrigger.Edge;
        for (int i = 0; i < _overrides.Length; i++)
        {
            if (_overrides[i].IsaIrq != irq)
                continue;
            if (_overrides[i].Polarity != InterruptPolarity.Conforming)
                polarity = _overrides[i].Polarity;
            if (_overrides[i].Trigger != InterruptTrigger.Conforming)
                trigger = _overrides[i].Trigger;
            return _overrides[i].Gsi;
        }
        return (uint)irq;
    }

    // False when no I/O APIC has this GSI.
    public bool RouteGsi(uint gsi, byte vector, InterruptPolarity polarity, InterruptTrigger trigger, byte destinationApicId, bool masked = false)
    {
        IoApic? owner = Owner(gsi);
        owner?.Route(gsi, vector, polarity, trigger, destinationApicId, masked);
        return owner is not null;
    }

    // Routes the ISA IRQ's GSI to vector; false when no I/O APIC has that GSI.
    public bool RouteIsaIrq(int irq, byte vector, byte destinationApicId, out uint gsi, bool masked = false)
    {
        gsi = IsaIrqToGsi(irq, out InterruptPolarity polarity, out InterruptTrigger trigger);
        return RouteGsi(gsi, vector, polarity, trigger, destinationApicId, masked);
    }

    public bool Mask(uint gsi)
    {
        IoApic? owner = Owner(gsi);
        owner?.Mask(gsi);
        return owner is not null;
    }

    public bool Unmask(uint gsi)
    {
        IoApic? owner = Owner(gsi);
        owner?.Unmask(gsi);
        return owner is not null;
    }

    public int PinCount
    {
        get
        {
            int pins = 0;
            for (int i = 0; i < IoApics.Length; i++)
                pins += IoApics[i].PinCount;
            return pins;
        }
    }

    private IoApic? Owner(uint gsi)
    {
        for (int i = 0; i < IoApics.Length; i++)
        {
            if (IoApics[i].Handles(gsi))
                return IoApics[i];
        }
        return null;
    }
}
