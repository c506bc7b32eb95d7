using Uk.Core;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Acpi;

public static class AcpiLibrary
{
    // Reads the tables once for apic and pci, and hands the FADT's power-off and reset to
    // the kernel's shutdown.
    public static void Initialize()
    {
        AcpiDiscovery tables = AcpiDiscovery.Run(new MachinePhysicalBytes(), BootAcpiPointer.Copy, BootAcpiPointer.Address, BootAcpiPointer.EbdaSegment);
        AcpiFirmware.Tables = tables;
        var registers = new MachineAcpiRegisters();
        AcpiFirmware.Registers = registers;
        var power = new AcpiPowerControl(tables, registers);
        ShutdownPolicy.InstallPowerControl(power);
        Log.Info(tables.Fadt is null
            ? "acpi: no FADT (" + AcpiStatusText.DescribeFadt(tables.FadtStatus) + "); no ACPI power-off or reset"
            : "acpi: " + power.Describe());
    }
}
