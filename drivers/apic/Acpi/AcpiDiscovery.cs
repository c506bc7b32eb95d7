using System;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic.Acpi;

// RSDP → RSDT/XSDT → MADT (and the FADT's CMOS century register). Never throws: a missing
// or corrupt table ends in a status the platform logs before it falls back to the 8259s.
public sealed class AcpiDiscovery
{
    // Where the FADT keeps the CMOS index of the century, when the RTC has one.
    private const int FadtCenturyOffset = 108;

    private AcpiDiscovery(AcpiStatus status, RsdpSource source, Rsdp rsdp, Madt? madt, byte centuryRegister, byte[]? mcfg = null)
    {
        Mcfg = mcfg;
        Status = status;
        Source = source;
        Rsdp = rsdp;
        Madt = madt;
        CenturyRegister = centuryRegister;
    }

    public AcpiStatus Status { get; }

    public RsdpSource Source { get; }

    public Rsdp Rsdp { get; }

    // Set when Status is Found.
    public Madt? Madt { get; }

    // 0 when the FADT names none.
    public byte CenturyRegister { get; }

    // The MCFG table (PCIe configuration space windows) as found, checksum verified; null
    // when the machine has none. The pci library parses it.
    public byte[]? Mcfg { get; }

    public static AcpiDiscovery Run(IPhysicalBytes memory, ReadOnlySpan<byte> bootLoaderCopy, ulong bootPointer, ushort ebdaSegment)
    {
        AcpiStatus status = FindRsdp(memory, bootLoaderCopy, bootPointer, ebdaSegment, out RsdpSource source, out Rsdp rsdp);
        if (status != AcpiStatus.Found)
            return new AcpiDiscovery(status, RsdpSource.None, default, null, 0);

        status = SystemTables.Load(memory, rsdp, out SystemTables? tables);
        if (status != AcpiStatus.Found)
            return new AcpiDiscovery(status, source, rsdp, null, 0);

        byte century = 0;
        if (tables!.Find(TableSignature.Fadt, out byte[]? fadt) == AcpiStatus.Found && fadt!.Length > FadtCenturyOffset)
            century = fadt[FadtCenturyOffset];

        byte[]? mcfg = tables.Find(TableSignature.Mcfg, out byte[]? mcfgBytes) == AcpiStatus.Found ? mcfgBytes : null;

        Madt? madt = null;
        status = tables.Find(TableSignature.Madt, out byte[]? madtBytes);
        if (status == AcpiStatus.Found)
            status = MadtParser.Parse(madtBytes, out madt);
        return new AcpiDiscovery(status, source, rsdp, madt, century, mcfg);
    }

    // The boot loader's word first; a bad copy or pointer still leaves the BIOS areas to scan.
    private static AcpiStatus FindRsdp(IPhysicalBytes memory, ReadOnlySpan<byte> bootLoaderCopy, ulong bootPointer,
        ushort ebdaSegment, out RsdpSource source, out Rsdp rsdp)
    {
        AcpiStatus status = AcpiStatus.NoRsdp;
        source = RsdpSource.None;
        rsdp = default;
        if (bootLoaderCopy.Length > 0)
        {
            status = Rsdp.Parse(bootLoaderCopy, out rsdp);
            source = RsdpSource.BootLoaderCopy;
            if (status == AcpiStatus.Found)
                return status;
        }
        if (bootPointer != 0)
        {
            status = Rsdp.Read(memory, bootPointer, out rsdp);
            source = RsdpSource.BootPointer;
            if (status == AcpiStatus.Found)
                return status;
        }
        source = RsdpSource.BiosScan;
        if (RsdpScanner.TryFind(memory, ebdaSegment, out _, out rsdp))
            return AcpiStatus.Found;
        return status;
    }

}
