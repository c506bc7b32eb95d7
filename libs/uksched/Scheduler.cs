using System;
using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Sched;

// Threads, switching and blocking, shared by every scheduling policy. Everything that touches
// the run queue, the timer queue or a thread's state runs with interrupts off; switches happen
// only here, either on the thread's own request (block, yield, exit) or - under a preemptive
// policy - as a timer interrupt finishes. Constructed at start-up: the static constructor
// runner asks it for the current thread, and interrupts use it.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
public static unsafe class Scheduler
{
    private static SchedulingPolicy? s_policy;
    private static Thread? s_current;
    private static Thread? s_allThreads;
    private static Thread? s_exited;
    private static readonly TimerQueue<Thread> s_sleepers = new TimerQueue<Thread>();
    private static bool s_idling;
    private static bool s_needReschedule;
    private static long s_armedDeadline = long.MaxValue;
    private static int s_preemptionDisabled;
    private static int s_staleTimers;

    public static string PolicyName => s_policy?.Name ?? "none";

    // True once Main runs as a thread: only then may a caller block (drivers poll before).
    public static bool HasCurrentThread => s_current is not null;

    public static Thread Current => s_current ?? throw new InvalidOperationException("no scheduler is running: list ukschedcoop or ukschedpreempt in unikernel.yaml");

    public static ulong ContextSwitches { get; private set; }

    // Threads whose stacks are allocated: running, ready, blocked, or exited and not yet freed.
    public static int ThreadCount { get; private set; }

    // Thread starts refused for want of memory for a stack.
    public static ulong StartFailures { get; private set; }

    // Entries in the timer queue, stale ones included (for diagnostics and tests).
    public static int PendingTimers => s_sleepers.Count;

    public static ulong Preemptions { get; private set; }

    // Cycles spent halted waiting for an interrupt, for the idle measurement.
    public static ulong IdleCycles { get; private set; }

    public static void Install(SchedulingPolicy policy)
    {
        if (s_policy is not null)
            throw new InvalidOperationException("a scheduling policy is installed already: list one of ukschedcoop, ukschedpreempt");
        s_policy = policy;
    }

    // Runs main as the first thread; when it returns the kernel shuts down with its result.
    internal static void RunMain(delegate*<int> main)
    {
        if (s_policy is null)
            throw new InvalidOperationException("uksched needs a policy library: list ukschedcoop or ukschedpreempt in unikernel.yaml");
        s_main = main;
        Timer.SetHandler(&OnTimer);
        Interrupts.SetExitHook(&PreemptIfNeeded);
        StackGuards.SetLookup(&GuardOwner);
        ThreadStacks.SetEnumerator(&VisitStacks);
        Panic.SetContextDescriber(&DescribeCurrent);
        Thread boot = new Thread("boot", ThreadPriority.Normal, null);
        Thread mainThread = new Thread("main", ThreadPriority.Normal, MainBody);
        if (!Prepare(mainThread, SchedOptions.MainStackSize))
            throw new OutOfMemoryException("no memory for the main thread's stack of " + ThreadStack.UsableSize(SchedOptions.MainStackSize).ToString() + " bytes");
        Log.Info("sched: " + s_policy.Name + (s_policy.Preemptive ? ", time slice " + (s_policy.TimeSlice / 1000).ToString() + " us" : "")
            + "; main thread stack " + (SchedOptions.MainStackSize / 1024).ToString() + " KiB");
        Interrupts.Disable();
        s_current = boot;
        boot.State = ThreadState.Exited;
        SwitchTo(boot, mainThread);
        // The boot context is never resumed.
        Plat.Halt();
    }

    private static delegate*<int> s_main;

    private static void MainBody() => Kernel.Shutdown(s_main());

    internal static Thread Create(Action body, string name, int priority, long stackSize) =>
        TryCreate(body, name, priority, stackSize)
            ?? throw new OutOfMemoryException("no memory for a thread stack of " + ThreadStack.UsableSize(stackSize).ToString() + " bytes");

    // Null when there is no memory for the thread's stack: a server refuses the work then.
    internal static Thread? TryCreate(Action body, string name, int priority, long stackSize)
    {
        if (s_current is null)
            throw new InvalidOperationException("threads start once Main runs (the scheduler starts it as the first thread)");
        Thread thread = new Thread(name, priority, body);
        if (!Prepare(thread, stackSize))
        {
            StartFailures++;
            return null;
        }
        ulong flags = Interrupts.Disable();
        MakeReady(thread);
        PreemptIfNeeded();
        Interrupts.Restore(flags);
        return thread;
    }

    private static bool Prepare(Thread thread, long stackSize)
    {
        if (!ThreadStack.TryAllocate(stackSize, out thread.Stack))
            return false;
        thread.StackPointer = Plat.NewThreadContext(thread.Stack.Top, &ThreadEntry, 0);
        ulong flags = Interrupts.Disable();
        thread.NextInAll = s_allThreads;
        s_allThreads = thread;
        ThreadCount++;
        Interrupts.Restore(flags);
        return true;
    }

    public static void Yield()
    {
        ulong flags = Interrupts.Disable();
        SchedulingPolicy policy = s_policy!;
        if (policy.RunQueue.Count > 0)
        {
            Thread current = s_current!;
            current.State = ThreadState.Ready;
            policy.RunQueue.Enqueue(current, current.Priority);
            Reschedule();
        }
        Interrupts.Restore(flags);
    }

    // Returns no earlier than deadline.
    public static void SleepUntil(long deadline)
    {
        if (!Timer.IsAvailable)
            throw new InvalidOperationException("sleeping needs a timer, and the platform has none");
        while (Clock.Monotonic < deadline)
        {
            ulong flags = Interrupts.Disable();
            Block(null, deadline);
            Interrupts.Restore(flags);
        }
    }

    public static void Join(Thread thread) => Join(thread, long.MaxValue);

    // False if deadline (Clock.Monotonic nanoseconds) passed before the thread exited.
    public static bool Join(Thread thread, long deadline)
    {
        ulong flags = Interrupts.Disable();
        while (thread.State != ThreadState.Exited && Block(thread.Joiners, deadline))
        {
        }
        bool exited = thread.State == ThreadState.Exited;
        Interrupts.Restore(flags);
        return exited;
    }

    public static void Exit()
    {
        Interrupts.Disable();
        Thread current = s_current!;
        current.State = ThreadState.Exited;
        while (!current.Joiners.IsEmpty)
            current.Joiners.WakeOne();
        // The stack is in use until the switch; the next thread frees it.
        s_exited = current;
        Reschedule();
        Plat.Halt();
    }

    // Blocks the current thread on queue (if any) until woken or until deadline. Interrupts off.
    internal static bool Block(WaitQueue? queue, long deadline)
    {
        if (Interrupts.Nesting > 0)
            throw new InvalidOperationException("an interrupt handler cannot block: wake a thread to do the waiting");
        Thread current = s_current!;
        current.State = ThreadState.Blocked;
        current.TimedOut = false;
        queue?.Add(current);
        if (deadline != long.MaxValue)
        {
            current.WakeTime = deadline;
            s_sleepers.Add(deadline, current);
            RearmTimer();
        }
        Reschedule();
        return !current.TimedOut;
    }

    // Makes a blocked thread ready. Interrupts off.
    internal static void Wake(Thread thread)
    {
        if (thread.State != ThreadState.Blocked)
            return;
        thread.WaitingOn?.Remove(thread);
        if (thread.WakeTime != long.MaxValue)
        {
            thread.WakeTime = long.MaxValue;
            CountStaleTimer();
        }
        MakeReady(thread);
    }

    private static void MakeReady(Thread thread)
    {
        SchedulingPolicy policy = s_policy!;
        thread.State = ThreadState.Ready;
        policy.RunQueue.Enqueue(thread, thread.Priority);
        if (policy.Preemptive && s_current is not null && s_current.State == ThreadState.Running)
        {
            if (policy.RunQueue.HasHigherThan(s_current.Priority))
                s_needReschedule = true;
            else
                RearmTimer();
        }
    }

    // Picks the next thread and switches to it; the current thread's state says whether it
    // comes back (ready: queued already; blocked; exited). Interrupts off.
    private static void Reschedule()
    {
        Thread previous = s_current!;
        Thread? next;
        while ((next = s_policy!.RunQueue.Dequeue()) is null)
            Idle();
        s_needReschedule = false;
        if (next == previous)
        {
            previous.State = ThreadState.Running;
            StartSlice(previous);
            return;
        }
        SwitchTo(previous, next);
    }

    private static void SwitchTo(Thread previous, Thread next)
    {
        next.State = ThreadState.Running;
        s_current = next;
        ContextSwitches++;
        StartSlice(next);
        fixed (ulong* save = &previous.StackPointer)
            Plat.SwitchContext(save, next.StackPointer);
        // Running again as previous.
        FreeExited();
    }

    // A waiter woken before its deadline leaves its entry in the timer queue; a server that
    // waits with long timeouts and is woken at once would pile them up, so they are swept out
    // once they are the majority.
    private static void CountStaleTimer()
    {
        if (++s_staleTimers < 64 || s_staleTimers < s_sleepers.Count / 2)
            return;
        s_sleepers.RemoveWhere(static (thread, deadline) => thread.State != ThreadState.Blocked || thread.WakeTime != deadline);
        s_staleTimers = 0;
    }

    private static void Forget(Thread exited)
    {
        if (s_allThreads == exited)
        {
            s_allThreads = exited.NextInAll;
            return;
        }
        for (Thread? thread = s_allThreads; thread is not null; thread = thread.NextInAll)
        {
            if (thread.NextInAll == exited)
            {
                thread.NextInAll = exited.NextInAll;
                return;
            }
        }
    }

    // Only a preemptive policy needs to know when a thread got the CPU.
    private static void StartSlice(Thread thread)
    {
        if (!s_policy!.Preemptive)
            return;
        thread.SliceStart = Clock.Monotonic;
        RearmTimer();
    }

    private static void FreeExited()
    {
        Thread? exited = s_exited;
        if (exited is null || exited == s_current)
            return;
        s_exited = null;
        exited.Stack.Free();
        exited.Stack = default;
        Forget(exited);
        ThreadCount--;
    }

    // Nothing is ready: halt until an interrupt (a timer for a sleeper, a device) makes
    // something ready. Interrupts off on entry and exit.
    private static void Idle()
    {
        s_idling = true;
        RearmTimer();
        ulong started = Plat.ReadTimestampCounter();
        Plat.WaitForInterrupt();
        IdleCycles += Plat.ReadTimestampCounter() - started;
        s_idling = false;
    }

    [UnmanagedCallersOnly]
    private static void ThreadEntry(nint argument)
    {
        FreeExited();
        Thread current = s_current!;
        Interrupts.Restore(0x200);
        current.Body!();
        // A stale timer entry or a joiner may keep the Thread object for a while; what the
        // body captured (a connection's buffers) must not live that long.
        current.Body = null;
        Exit();
    }

    // The timer interrupt: wake the sleepers whose time has come, and under a preemptive
    // policy end a time slice that is over.
    private static void OnTimer()
    {
        s_armedDeadline = long.MaxValue;
        long now = Clock.Monotonic;
        while (s_sleepers.TryTakeExpired(now, out Thread? sleeper, out long deadline))
        {
            // Stale entries: the thread was woken by other means or sleeps until later now.
            if (sleeper!.State != ThreadState.Blocked || sleeper.WakeTime != deadline)
            {
                s_staleTimers--;
                continue;
            }
            sleeper.TimedOut = true;
            sleeper.WakeTime = long.MaxValue;
            Wake(sleeper);
        }
        SchedulingPolicy policy = s_policy!;
        Thread? current = s_current;
        if (policy.Preemptive && current is not null && current.State == ThreadState.Running
            && policy.RunQueue.Count > 0 && now - current.SliceStart >= policy.TimeSlice)
            s_needReschedule = true;
        RearmTimer();
    }

    // Runs as every interrupt handler finishes, and after a thread made another ready: the
    // preemption point. Interrupts off.
    internal static void PreemptIfNeeded()
    {
        if (!s_needReschedule || s_idling || Interrupts.Nesting > 0 || s_preemptionDisabled > 0)
            return;
        Thread current = s_current!;
        if (current.State != ThreadState.Running)
            return;
        s_needReschedule = false;
        Preemptions++;
        current.State = ThreadState.Ready;
        s_policy!.RunQueue.Enqueue(current, current.Priority);
        Reschedule();
    }

    // Keeps the current thread on the CPU without masking interrupts (cheaper than cli/sti,
    // which end a translation block under emulation): for state only threads touch, never
    // interrupt handlers. Nests.
    internal static void DisablePreemption() => s_preemptionDisabled++;

    // A caller that has interrupts off is between a check and a Block (a mutex, a condition
    // variable): switching away there could lose its wake-up, so it is left to the next
    // preemption point.
    internal static void EnablePreemption()
    {
        if (--s_preemptionDisabled != 0 || !s_needReschedule)
            return;
        ulong flags = Interrupts.Disable();
        if ((flags & InterruptFlag) != 0)
            PreemptIfNeeded();
        Interrupts.Restore(flags);
    }

    private const ulong InterruptFlag = 0x200;

    // No periodic tick: the timer is armed only for the earliest sleeper and, when threads
    // wait for the CPU under a preemptive policy, for the end of the running thread's slice.
    private static void RearmTimer()
    {
        long deadline = s_sleepers.EarliestDeadline;
        SchedulingPolicy policy = s_policy!;
        Thread? current = s_current;
        if (policy.Preemptive && !s_idling && current is not null && current.State == ThreadState.Running && policy.RunQueue.Count > 0)
        {
            long sliceEnd = current.SliceStart + policy.TimeSlice;
            if (sliceEnd < deadline)
                deadline = sliceEnd;
        }
        // An earlier deadline armed already will fire and re-arm from the handler: programming
        // the timer on every switch would cost more than that one early interrupt.
        if (deadline >= s_armedDeadline)
            return;
        s_armedDeadline = deadline;
        Timer.ArmAt(deadline);
    }

    // For a collector (interrupts off): every thread's stack from its saved stack pointer to
    // its top, where a parked thread's registers lie too (pushed by the context switch, or an
    // interrupt frame if it was preempted); the running thread's from 0, as only the caller
    // knows its own stack pointer. The boot context is never resumed and is not listed.
    private static void VisitStacks(delegate*<ulong, ulong, void> visit)
    {
        for (Thread? thread = s_allThreads; thread is not null; thread = thread.NextInAll)
        {
            if (!thread.Stack.IsAllocated)
                continue;
            visit(thread == s_current ? 0 : thread.StackPointer, thread.Stack.Top);
        }
    }

    private static string? DescribeCurrent() =>
        s_current is null ? null : "thread '" + s_current.Name + "' (id " + s_current.Id.ToString() + ", " + s_policy!.Name + ")";

    private static string? GuardOwner(ulong address)
    {
        for (Thread? thread = s_allThreads; thread is not null; thread = thread.NextInAll)
        {
            if (thread.Stack.IsAllocated && thread.Stack.GuardContains(address))
                return thread.Name;
        }
        return null;
    }
}
