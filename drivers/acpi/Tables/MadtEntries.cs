
namespace Uk.Drivers.Acpi;

public readonly struct IoApicDescription
{
    public IoApicDescription(byte id, ulong address, uint gsiBase)
    {
        Id = id;
        Address = address;
        GsiBase = gsiBase;
    }

    public byte Id { get; }

    public ulong Address { get; }

    // The global system interrupt its pin 0 carries.
    public uint GsiBase { get; }
}

// An ISA IRQ wired to another GSI or with other signalling than ISA's (high, edge).
public readonly struct InterruptOverride
{
    public InterruptOverride(byte isaIrq, uint gsi, InterruptPolarity polarity, InterruptTrigger trigger)
    {
        IsaIrq = isaIrq;
        Gsi = gsi;
        Polarity = polarity;
        Trigger = trigger;
    }

    public byte IsaIrq { get; }

    public uint Gsi { get; }

    public InterruptPolarity Polarity { get; }

    public InterruptTrigger Trigger { get; }
}

// A GSI the I/O APIC should deliver as an NMI.
public readonly struct NmiSource
{
    public NmiSource(uint gsi, InterruptPolarity polarity, InterruptTrigger trigger)
    {
        Gsi = gsi;
        Polarity = polarity;
        Trigger = trigger;
    }

    public uint Gsi { get; }

    public InterruptPolarity Polarity { get; }

    public InterruptTrigger Trigger { get; }
}

// A local APIC LINT pin wired to NMI; ProcessorUid 0xFF means every processor.
public readonly struct LocalApicNmi
{
    public const byte AllProcessors = 0xFF;

    public LocalApicNmi(byte processorUid, byte lint, InterruptPolarity polarity, InterruptTrigger trigger)
    {
        ProcessorUid = processorUid;
        Lint = lint;
        Polarity = polarity;
        Trigger = trigger;
    }

    public byte ProcessorUid { get; }

    public byte Lint { get; }

    public InterruptPolarity Polarity { get; }

    public InterruptTrigger Trigger { get; }
}
