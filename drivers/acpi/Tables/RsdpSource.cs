namespace Uk.Drivers.Acpi;

public enum RsdpSource
{
    None,
    // multiboot2's ACPI tags: GRUB's copy of the RSDP (the only way under UEFI).
    BootLoaderCopy,
    // PVH's rsdp_paddr.
    BootPointer,
    BiosScan,
}
