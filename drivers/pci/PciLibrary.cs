namespace Uk.Drivers.Pci;

public static class PciLibrary
{
    // Runs after the driver libraries (class lib) registered and probed: what is left has
    // no driver in this image.
    public static void Initialize() => PciBus.LogUnclaimed();
}
