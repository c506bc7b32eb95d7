namespace Uk.Drivers.Acpi;

// What the acpi library found at boot, for the libraries that read ACPI's tables (apic: the
// MADT and the RTC's century; pci: the MCFG). Set once in the plat init step.
public static class AcpiFirmware
{
    // Never null after AcpiLibrary.Initialize; Status says whether a MADT was found.
    public static AcpiDiscovery? Tables { get; internal set; }
}
