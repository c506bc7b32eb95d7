namespace Uk.Sched;

public static class SchedOptions
{
    public static long StackSize = 64 * 1024;
    public static long MainStackSize = 256 * 1024;
}
