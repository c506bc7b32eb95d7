using System;
using Uk.Core;

namespace Uk.Sched;

// A sleeping lock with ownership. Unlock wakes the longest waiter but does not hand the
// mutex over: whoever runs first takes it (like glibc's mutexes), so a thread that unlocks
// and locks again does not pay a switch each time, and waiters do not form a convoy.
public sealed class Mutex
{
    private readonly WaitQueue _waiters = new WaitQueue();
    private Thread? _owner;

    public bool IsLocked => _owner is not null;

    // Interrupt handlers never touch a mutex, so the uncontended paths only hold off
    // preemption; blocking and waking mask interrupts like every wait queue operation.
    public void Lock()
    {
        Scheduler.DisablePreemption();
        Thread current = Scheduler.Current;
        if (_owner == current)
        {
            Scheduler.EnablePreemption();
            throw new InvalidOperationException("mutex locked twice by thread '" + current.Name + "'");
        }
        while (_owner is not null)
        {
            ulong flags = Interrupts.Disable();
            Scheduler.EnablePreemption();
            Scheduler.Block(_waiters, long.MaxValue);
            Interrupts.Restore(flags);
            Scheduler.DisablePreemption();
        }
        _owner = current;
        Scheduler.EnablePreemption();
    }

    public bool TryLock()
    {
        Scheduler.DisablePreemption();
        bool taken = _owner is null;
        if (taken)
            _owner = Scheduler.Current;
        Scheduler.EnablePreemption();
        return taken;
    }

    public void Unlock()
    {
        Scheduler.DisablePreemption();
        if (_owner != Scheduler.Current)
        {
            Scheduler.EnablePreemption();
            throw new InvalidOperationException("mutex unlocked by a thread that does not own it");
        }
        _owner = null;
        Thread? waiter = _waiters.First;
        if (waiter is not null)
        {
            ulong flags = Interrupts.Disable();
            Scheduler.Wake(waiter);
            Interrupts.Restore(flags);
        }
        Scheduler.EnablePreemption();
    }
}
