using System;
using Uk.Core;

namespace Uk.Sched;

// A counting semaphore; Release hands a unit straight to the longest waiter.
public sealed class Semaphore
{
    private readonly WaitQueue _waiters = new WaitQueue();
    private int _count;

    public Semaphore(int initialCount)
    {
        if (initialCount < 0)
            throw new ArgumentOutOfRangeException(nameof(initialCount));
        _count = initialCount;
    }

    public int Count => _count;

    public void Wait() => Wait(long.MaxValue);

    // False if deadline (Clock.Monotonic nanoseconds) passed before a unit was available.
    public bool Wait(long deadline)
    {
        ulong flags = Interrupts.Disable();
        bool acquired = true;
        if (_count > 0)
            _count--;
        else
            acquired = Scheduler.Block(_waiters, deadline);
        Interrupts.Restore(flags);
        return acquired;
    }

    public void Release()
    {
        ulong flags = Interrupts.Disable();
        Thread? waiter = _waiters.First;
        if (waiter is null)
            _count++;
        else
        {
            Scheduler.Wake(waiter);
            Scheduler.PreemptIfNeeded();
        }
        Interrupts.Restore(flags);
    }
}
