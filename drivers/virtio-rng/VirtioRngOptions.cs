namespace Uk.Drivers.VirtioRng;

public static class VirtioRngOptions
{
    public static int SeedBytes = 64;
    public static int TimeoutMs = 1000;
}
