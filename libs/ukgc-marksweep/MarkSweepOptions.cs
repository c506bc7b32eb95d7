namespace Uk.Gc.MarkSweep;

public static class MarkSweepOptions
{
    public static long Trigger = 4 * 1024 * 1024;
    public static long MarkStack = 32 * 1024;
}
