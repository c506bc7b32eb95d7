namespace Uk.Gc.MarkSweep;

public static class MarkSweepOptions
{
    public static long Trigger = 4 * 1024 * 1024;
    public static long MarkStack = 32 * 1024;
    public static int Incremental = 1;
    public static int MarkPace = 4;
    public static long MarkStep = 64 * 1024;
}
