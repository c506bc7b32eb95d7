using Uk.Core;

namespace Uk.Sched.Preempt;

public static class PreemptLibrary
{
    public static void Initialize()
    {
        if (PreemptOptions.TimeSliceUs <= 0)
            throw new System.ArgumentOutOfRangeException("time-slice-us", "ukschedpreempt's time-slice-us must be positive");
        Scheduler.Install(new SchedulingPolicy("ukschedpreempt (preemptive round robin, 16 priorities)",
            new PriorityRunQueue<Thread>(), PreemptOptions.TimeSliceUs * 1000L));
    }
}
