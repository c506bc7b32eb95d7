namespace Uk.Sched;

// Threads blocked until something happens, woken first-come first-served. The building block
// of every synchronisation primitive; callers hold interrupts off around a check and Wait.
public sealed class WaitQueue
{
    private Thread? _first;
    private Thread? _last;

    public bool IsEmpty => _first is null;

    // The longest waiter, which a primitive hands its resource to before waking it.
    internal Thread? First => _first;

    // Blocks the current thread until woken. Returns false if the deadline (Clock.Monotonic
    // nanoseconds) passed first.
    public bool Wait(long deadline = long.MaxValue)
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        bool woken = Scheduler.Block(this, deadline);
        Uk.Core.Interrupts.Restore(flags);
        return woken;
    }

    // Wakes the longest waiter; false if nobody waited.
    public bool WakeOne()
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        Thread? first = _first;
        if (first is not null)
        {
            Scheduler.Wake(first);
            Scheduler.PreemptIfNeeded();
        }
        Uk.Core.Interrupts.Restore(flags);
        return first is not null;
    }

    public int WakeAll()
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        int woken = 0;
        while (_first is not null)
        {
            Scheduler.Wake(_first);
            woken++;
        }
        Scheduler.PreemptIfNeeded();
        Uk.Core.Interrupts.Restore(flags);
        return woken;
    }

    internal void Add(Thread thread)
    {
        thread.WaitingOn = this;
        thread.PreviousWaiter = _last;
        thread.NextWaiter = null;
        if (_last is null)
            _first = thread;
        else
            _last.NextWaiter = thread;
        _last = thread;
    }

    internal void Remove(Thread thread)
    {
        if (thread.PreviousWaiter is null)
            _first = thread.NextWaiter;
        else
            thread.PreviousWaiter.NextWaiter = thread.NextWaiter;
        if (thread.NextWaiter is null)
            _last = thread.PreviousWaiter;
        else
            thread.NextWaiter.PreviousWaiter = thread.PreviousWaiter;
        thread.WaitingOn = null;
        thread.PreviousWaiter = null;
        thread.NextWaiter = null;
    }
}
