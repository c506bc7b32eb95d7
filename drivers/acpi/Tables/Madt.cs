namespace Uk.Drivers.Acpi;

// What the Multiple APIC Description Table says about the interrupt controllers.
public sealed class Madt
{
    public Madt(ulong localApicAddress, bool hasLegacyPics, int processorCount, IoApicDescription[] ioApics,
        InterruptOverride[] overrides, NmiSource[] nmiSources, LocalApicNmi[] localApicNmis)
    {
        LocalApicAddress = localApicAddress;
        HasLegacyPics = hasLegacyPics;
        ProcessorCount = processorCount;
        IoApics = ioApics;
        Overrides = overrides;
        NmiSources = nmiSources;
        LocalApicNmis = localApicNmis;
    }

    // After the 64-bit override entry, when there is one.
    public ulong LocalApicAddress { get; }

    // PCAT_COMPAT: the 8259 pair is present too and must be masked when the I/O APIC is used.
    public bool HasLegacyPics { get; }

    // Enabled processors (local APIC and x2APIC entries).
    public int ProcessorCount { get; }

    public IoApicDescription[] IoApics { get; }

    public InterruptOverride[] Overrides { get; }

    public NmiSource[] NmiSources { get; }

    public LocalApicNmi[] LocalApicNmis { get; }
}
