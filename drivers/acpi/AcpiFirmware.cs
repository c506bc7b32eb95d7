namespace Uk.Drivers.Acpi;

// What the acpi library found at boot, for the libraries that read ACPI's tables (apic: the
// MADT, the RTC's century and the PM timer; pci: the MCFG). Set once in the plat init step.
public static class AcpiFirmware
{
    // Never null after AcpiLibrary.Initialize; Status says whether a MADT was found.
    public static AcpiDiscovery? Tables { get; internal set; }

    // The registers the FADT names (ports, memory, PCI configuration), for apic's PM timer.
    public static IAcpiRegisters? Registers { get; internal set; }
}
