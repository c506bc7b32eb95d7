using System;

namespace Uk.Drivers.Acpi;

// RSDP → RSDT/XSDT → MADT, MCFG and FADT, then the DSDT's \_S5 package. Never throws: a
// missing or corrupt table ends in a status the libraries log before they fall back (apic to
// the 8259s, pci to the 0xCF8 ports, shutdown to halting).
public sealed class AcpiDiscovery
{
    private AcpiStatus _status;
    private byte[]? _madtBytes;
    private Madt? _madt;

    private AcpiDiscovery(AcpiStatus status, RsdpSource source, Rsdp rsdp)
    {
        _status = status;
        Source = source;
        Rsdp = rsdp;
        FadtStatus = status == AcpiStatus.Found ? AcpiStatus.TableNotFound : status;
        DsdtStatus = FadtStatus;
    }

    // The MADT's: Found, or why there is no MADT.
    public AcpiStatus Status
    {
        get
        {
            ParseMadt();
            return _status;
        }
    }

    public RsdpSource Source { get; }

    public Rsdp Rsdp { get; }

    // Set when Status is Found.
    public Madt? Madt
    {
        get
        {
            ParseMadt();
            return _madt;
        }
    }

    // The MCFG table (PCIe configuration space windows) as found, checksum verified; null
    // when the machine has none. The pci library parses it.
    public byte[]? Mcfg { get; private set; }

    // Null when FadtStatus is not Found.
    public Fadt? Fadt { get; private set; }

    public AcpiStatus FadtStatus { get; private set; }

    // Found when the FADT's DSDT was read (TableNotFound: the FADT names none).
    public AcpiStatus DsdtStatus { get; private set; }

    // The DSDT's \_S5 (soft-off) sleep types; false when the DSDT is missing or defines none.
    public bool HasSoftOff { get; private set; }

    public SleepType SoftOff { get; private set; }

    // 0 when the FADT names none.
    public byte CenturyRegister => Fadt?.CenturyRegister ?? 0;

    public static AcpiDiscovery Run(IPhysicalBytes memory, ReadOnlySpan<byte> bootLoaderCopy, ulong bootPointer, ushort ebdaSegment)
    {
        AcpiStatus status = FindRsdp(memory, bootLoaderCopy, bootPointer, ebdaSegment, out RsdpSource source, out Rsdp rsdp);
        if (status != AcpiStatus.Found)
            return new AcpiDiscovery(status, RsdpSource.None, default);

        status = SystemTables.Load(memory, rsdp, out SystemTables? tables);
        if (status != AcpiStatus.Found)
            return new AcpiDiscovery(status, source, rsdp);

        var discovery = new AcpiDiscovery(status, source, rsdp);
        discovery.ReadFadt(memory, tables!);
        discovery.Mcfg = tables!.Find(TableSignature.Mcfg, out byte[]? mcfgBytes) == AcpiStatus.Found ? mcfgBytes : null;

        discovery._status = tables.Find(TableSignature.Madt, out discovery._madtBytes);
        return discovery;
    }

    // On first use: an image without apic leaves the MADT parser out.
    private void ParseMadt()
    {
        if (_madtBytes is null)
            return;
        _status = MadtParser.Parse(_madtBytes, out _madt);
        _madtBytes = null;
    }

    private void ReadFadt(IPhysicalBytes memory, SystemTables tables)
    {
        FadtStatus = tables.Find(TableSignature.Fadt, out byte[]? fadtBytes);
        Fadt? fadt = null;
        if (FadtStatus == AcpiStatus.Found)
            FadtStatus = FadtParser.Parse(fadtBytes, out fadt);
        Fadt = fadt;
        DsdtStatus = FadtStatus;
        if (Fadt is null)
            return;
        if (Fadt.DsdtAddress == 0)
        {
            DsdtStatus = AcpiStatus.TableNotFound;
            return;
        }
        DsdtStatus = SystemTables.ReadDsdt(memory, Fadt.DsdtAddress, out byte[]? dsdt);
        if (DsdtStatus == AcpiStatus.Found && SleepPackageScanner.TryFind(dsdt, SleepPackageScanner.SoftOff, out SleepType softOff))
        {
            HasSoftOff = true;
            SoftOff = softOff;
        }
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
