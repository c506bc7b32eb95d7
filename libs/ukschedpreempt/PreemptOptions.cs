namespace Uk.Sched.Preempt;

public static class PreemptOptions
{
    public static int TimeSliceUs = 10000;
}
