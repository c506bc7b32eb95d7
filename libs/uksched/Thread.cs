using System;
using Uk.Core;

namespace Uk.Sched;

// A kernel thread: its own stack with a guard page below, run by the image's scheduler.
public sealed class Thread
{
    private static int s_nextId;

    internal Thread(string name, int priority, Action? body)
    {
        Id = ++s_nextId;
        Name = name;
        Priority = priority;
        Body = body;
    }

    public int Id { get; }

    public string Name { get; }

    public int Priority { get; }

    public ThreadState State { get; internal set; }

    public static Thread Current => Scheduler.Current;

    // Saved by the context switch while the thread is not running.
    internal ulong StackPointer;
    internal ThreadStack Stack;
    internal Action? Body;
    internal readonly WaitQueue Joiners = new WaitQueue();

    // Blocking: what the thread waits on, and until when; a timer entry whose deadline no
    // longer matches WakeTime is stale.
    internal WaitQueue? WaitingOn;
    internal Thread? PreviousWaiter;
    internal Thread? NextWaiter;
    internal long WakeTime = long.MaxValue;
    internal bool TimedOut;

    internal long SliceStart;

    // The System.Threading.Thread that stands for this one, once asked for.
    internal object? Wrapper;
    internal Thread? NextInAll;

    // Creates a thread running body and makes it ready; it runs when the scheduler picks it.
    public static Thread Start(Action body, string? name = null, int priority = ThreadPriority.Normal) =>
        Scheduler.Create(body, name ?? "thread", priority, SchedOptions.StackSize);

    public static Thread Start(Action body, string name, int priority, int stackSize) =>
        Scheduler.Create(body, name, priority, stackSize);

    // Start without an exception: null when there is no memory for the stack (after a
    // collection tried to make some), so a caller such as a server's accept loop can refuse
    // the work instead of dying.
    public static Thread? TryStart(Action body, string name, int priority, int stackSize) =>
        Scheduler.TryCreate(body, name, priority, stackSize);

    public void Join() => Scheduler.Join(this);

    public static void Yield() => Scheduler.Yield();

    public static void Sleep(long nanoseconds) => Scheduler.SleepUntil(Clock.Monotonic + nanoseconds);

    public static void SleepMilliseconds(long milliseconds) => Sleep(milliseconds * Clock.NanosecondsPerMillisecond);

    public static void Exit() => Scheduler.Exit();
}
