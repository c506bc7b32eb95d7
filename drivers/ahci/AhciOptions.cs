namespace Uk.Drivers.Ahci;

// Set from the manifest before any init runs.
public static class AhciOptions
{
    public static int TimeoutMs = 30000;
    public static bool Interrupts = true;
}
