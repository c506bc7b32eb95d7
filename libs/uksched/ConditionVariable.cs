using Uk.Core;

namespace Uk.Sched;

// Waits for a condition guarded by a mutex: Wait releases the mutex while blocked and holds it
// again on return, so the caller re-checks its condition in a loop.
public sealed class ConditionVariable
{
    private readonly WaitQueue _waiters = new WaitQueue();

    public bool Wait(Mutex mutex, long deadline = long.MaxValue)
    {
        ulong flags = Interrupts.Disable();
        mutex.Unlock();
        bool signalled = Scheduler.Block(_waiters, deadline);
        Interrupts.Restore(flags);
        mutex.Lock();
        return signalled;
    }

    public void Signal() => _waiters.WakeOne();

    public void Broadcast() => _waiters.WakeAll();
}
