using Uk.Core;

namespace Uk.Sched;

// A signal threads wait for. Manual reset: stays set and releases every waiter until Reset.
// Auto reset: each Set releases one waiter (or the next thread to wait).
public sealed class Event
{
    private readonly WaitQueue _waiters = new WaitQueue();
    private readonly bool _autoReset;
    private bool _set;

    public Event(bool autoReset = false, bool initiallySet = false)
    {
        _autoReset = autoReset;
        _set = initiallySet;
    }

    public bool IsSet => _set;

    public void Set()
    {
        ulong flags = Interrupts.Disable();
        if (_autoReset)
        {
            Thread? waiter = _waiters.First;
            if (waiter is null)
                _set = true;
            else
                Scheduler.Wake(waiter);
        }
        else
        {
            _set = true;
            while (_waiters.First is not null)
                Scheduler.Wake(_waiters.First);
        }
        Scheduler.PreemptIfNeeded();
        Interrupts.Restore(flags);
    }

    public void Reset() => _set = false;

    public void Wait() => Wait(long.MaxValue);

    public bool Wait(long deadline)
    {
        ulong flags = Interrupts.Disable();
        bool signalled = true;
        if (_set)
        {
            if (_autoReset)
                _set = false;
        }
        else
            signalled = Scheduler.Block(_waiters, deadline);
        Interrupts.Restore(flags);
        return signalled;
    }
}
