using System;
using Uk.Core;

namespace Uk.Sched;

// A sleeping lock with ownership; Unlock hands it straight to the longest waiter, so a
// released mutex cannot be barged by a thread that did not wait.
public sealed class Mutex
{
    private readonly WaitQueue _waiters = new WaitQueue();
    private Thread? _owner;

    public bool IsLocked => _owner is not null;

    // Interrupt handlers never touch a mutex, so the uncontended paths only hold off
    // preemption; blocking and handing over mask interrupts like every wait queue operation.
    public void Lock()
    {
        Scheduler.DisablePreemption();
        Thread current = Scheduler.Current;
        if (_owner is null)
        {
            _owner = current;
            Scheduler.EnablePreemption();
            return;
        }
        if (_owner == current)
        {
            Scheduler.EnablePreemption();
            throw new InvalidOperationException("mutex locked twice by thread '" + current.Name + "'");
        }
        ulong flags = Interrupts.Disable();
        Scheduler.EnablePreemption();
        Scheduler.Block(_waiters, long.MaxValue);
        Interrupts.Restore(flags);
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
        if (_waiters.IsEmpty)
        {
            _owner = null;
            Scheduler.EnablePreemption();
            return;
        }
        ulong flags = Interrupts.Disable();
        Scheduler.EnablePreemption();
        _owner = _waiters.First;
        Scheduler.Wake(_owner!);
        Scheduler.PreemptIfNeeded();
        Interrupts.Restore(flags);
    }
}
