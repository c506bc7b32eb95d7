namespace Uk.Sched;

public static class SchedOptions
{
    public static int StackSize = 65536;
    public static int MainStackSize = 262144;
}
