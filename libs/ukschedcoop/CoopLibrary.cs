namespace Uk.Sched.Coop;

public static class CoopLibrary
{
    public static void Initialize() =>
        Scheduler.Install(new SchedulingPolicy("ukschedcoop (cooperative round robin)", new RoundRobinQueue<Thread>(), 0));
}
