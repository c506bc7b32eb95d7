namespace Uk.Plat.PcX86_64;

// Routes legacy IRQ lines to vectors and acknowledges them: the I/O APIC with the local
// APIC, or the 8259 PICs where the firmware describes no I/O APIC.
public interface IIrqRouter
{
    string Name { get; }

    // Routes and unmasks irq; returns its vector, or -1 if the line cannot be routed.
    int Route(int irq);

    // An interrupt on vector that no device raised (e.g. the PIC's IRQ 7 glitch).
    bool IsSpurious(int vector);

    // Whether vector is one of the lines this router delivers; every other vector came
    // through the local APIC (its timer, an IPI) and ends there.
    bool Delivers(int vector);

    void EndOfInterrupt(int vector);

    // The address a device writes a message-signalled interrupt to, so it reaches this CPU's
    // local APIC; false when the machine routes through the PICs (no MSI delivery).
    bool TryGetMessageAddress(out ulong address);
}
