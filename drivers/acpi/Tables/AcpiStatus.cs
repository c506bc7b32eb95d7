namespace Uk.Drivers.Acpi;

public enum AcpiStatus
{
    Found,
    NoRsdp,
    BadRsdp,
    BadRootTable,
    TableNotFound,
    BadTable,
    OutOfReach,
}

public static class AcpiStatusText
{
    public static string Describe(AcpiStatus status) => status switch
    {
        AcpiStatus.Found => "found",
        AcpiStatus.NoRsdp => "no RSDP from the boot loader or in the BIOS areas",
        AcpiStatus.BadRsdp => "RSDP has a bad signature, checksum or length",
        AcpiStatus.BadRootTable => "RSDT/XSDT has a bad signature, checksum or length",
        AcpiStatus.TableNotFound => "no MADT (APIC) table",
        AcpiStatus.BadTable => "MADT has a bad checksum, length or entry",
        _ => "a table lies outside the identity map",
    };

    public static string DescribeFadt(AcpiStatus status) => status switch
    {
        AcpiStatus.TableNotFound => "the RSDT/XSDT lists none",
        AcpiStatus.BadTable => "it has a bad checksum or length",
        _ => Describe(status),
    };
}
