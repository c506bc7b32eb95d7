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

    public void Lock()
    {
        ulong flags = Interrupts.Disable();
        Thread current = Scheduler.Current;
        if (_owner == current)
        {
            Interrupts.Restore(flags);
            throw new InvalidOperationException("mutex locked twice by thread '" + current.Name + "'");
        }
        if (_owner is null)
            _owner = current;
        else
            Scheduler.Block(_waiters, long.MaxValue);
        Interrupts.Restore(flags);
    }

    public bool TryLock()
    {
        ulong flags = Interrupts.Disable();
        bool taken = _owner is null;
        if (taken)
            _owner = Scheduler.Current;
        Interrupts.Restore(flags);
        return taken;
    }

    public void Unlock()
    {
        ulong flags = Interrupts.Disable();
        if (_owner != Scheduler.Current)
        {
            Interrupts.Restore(flags);
            throw new InvalidOperationException("mutex unlocked by a thread that does not own it");
        }
        _owner = _waiters.First;
        if (_owner is not null)
        {
            Scheduler.Wake(_owner);
            Scheduler.PreemptIfNeeded();
        }
        Interrupts.Restore(flags);
    }
}
