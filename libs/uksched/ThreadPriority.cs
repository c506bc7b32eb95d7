namespace Uk.Sched;

// Higher runs first under ukschedpreempt; ukschedcoop ignores priorities.
public static class ThreadPriority
{
    public const int Lowest = 0;
    public const int Normal = 8;
    public const int Highest = 15;
}
