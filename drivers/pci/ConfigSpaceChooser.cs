using Uk.Core;
using Uk.Drivers.Acpi;

namespace Uk.Drivers.Pci;

// ECAM when ACPI's MCFG describes a window for bus 0 that the kernel can reach (q35 and
// other PCIe machines), else the 0xCF8/0xCFC ports, which every PC has.
internal static class ConfigSpaceChooser
{
    public static IPciConfigSpace Choose()
    {
        if (McfgParser.TryFindSegmentZero(AcpiFirmware.Tables?.Mcfg, out EcamWindow window) && Reachable(window))
        {
            Log.Info("pci: configuration space through ECAM at 0x" + window.BaseAddress.ToString("x") + " for buses "
                + window.StartBus.ToString() + "-" + window.EndBus.ToString() + " (ACPI MCFG)");
            return new EcamConfigSpace(window);
        }
        Log.Info("pci: configuration space through ports 0xCF8/0xCFC");
        return new PortConfigSpace();
    }

    // The first 4 GiB are identity-mapped; a window higher up is mapped 1:1, uncached.
    private static bool Reachable(EcamWindow window)
    {
        ulong end = window.BaseAddress + window.Length;
        if (end <= 0x1_0000_0000UL)
            return true;
        IAddressSpace? space = Kernel.AddressSpace;
        return space is not null && space.Map(window.BaseAddress, window.BaseAddress, window.Length, PageRights.Writable | PageRights.CacheDisabled);
    }
}
