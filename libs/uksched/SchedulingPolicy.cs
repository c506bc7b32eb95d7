namespace Uk.Sched;

// What an implementation library (ukschedcoop, ukschedpreempt) brings: its run queue and
// whether, and how often, the timer takes the CPU from a running thread.
public sealed class SchedulingPolicy
{
    public SchedulingPolicy(string name, IRunQueue<Thread> runQueue, long timeSliceNanoseconds)
    {
        Name = name;
        RunQueue = runQueue;
        TimeSlice = timeSliceNanoseconds;
    }

    public string Name { get; }

    public IRunQueue<Thread> RunQueue { get; }

    // 0 for a cooperative policy: threads run until they block, yield or exit.
    public long TimeSlice { get; }

    public bool Preemptive => TimeSlice > 0;
}
