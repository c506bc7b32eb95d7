namespace Uk.Drivers.Apic;

public static class ApicLibrary
{
    // Finds the controllers and clocks, then hands them to the kernel and turns interrupts on.
    public static void Initialize()
    {
        HardwareDiscovery.Run();
        InterruptSetup.Run();
    }
}
