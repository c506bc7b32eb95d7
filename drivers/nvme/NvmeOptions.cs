namespace Uk.Drivers.Nvme;

// Set from the manifest before any init runs.
public static class NvmeOptions
{
    public static int TimeoutMs = 30000;
    public static bool Interrupts = true;
}
