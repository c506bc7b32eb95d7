using System;
using Uk.Core;

namespace Uk.Drivers.Pci;

// The functions on the bus and the drivers that claimed them. A driver library calls
// RegisterDriver at its init; the bus enumerates on first use and offers the driver every
// unclaimed function it matches. The probe returns true when it took the device.
public static class PciBus
{
    private static IPciConfigSpace? s_space;
    private static PciDevice[]? s_devices;

    public static IPciConfigSpace ConfigSpace => s_space ??= new PortConfigSpace();

    public static PciDevice[] Devices => s_devices ??= PciEnumerator.Scan(ConfigSpace);

    // For host tests: a fake bus instead of the ports.
    public static void UseConfigSpace(IPciConfigSpace space)
    {
        s_space = space;
        s_devices = null;
    }

    // Offers each matching unclaimed function to probe; returns how many it took.
    public static int RegisterDriver(string name, PciDriverMatch match, Func<PciDevice, bool> probe)
    {
        PciDevice[] devices = Devices;
        int claimed = 0;
        for (int i = 0; i < devices.Length; i++)
        {
            PciDevice device = devices[i];
            if (device.DriverName is not null || !match.Matches(device))
                continue;
            if (probe(device))
            {
                device.DriverName = name;
                claimed++;
            }
        }
        return claimed;
    }

    // One line per function that no driver claimed: listed, not an error.
    public static void LogUnclaimed()
    {
        PciDevice[] devices = Devices;
        for (int i = 0; i < devices.Length; i++)
        {
            if (devices[i].DriverName is null)
                Log.Info("pci: " + devices[i].Describe() + " " + PciClassNames.Describe(devices[i].ClassCode, devices[i].Subclass) + ": no driver");
        }
    }
}
