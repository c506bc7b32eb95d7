namespace Uk.Drivers.Acpi;

// Table signatures as the little-endian uint their four ASCII bytes make.
public static class TableSignature
{
    public const uint Rsdt = 0x54445352; // "RSDT"
    public const uint Xsdt = 0x54445358; // "XSDT"
    public const uint Madt = 0x43495041; // "APIC"
    public const uint Fadt = 0x50434146; // "FACP"
    public const uint Mcfg = 0x4746434D; // "MCFG"
    public const uint Dsdt = 0x54445344; // "DSDT"
}
