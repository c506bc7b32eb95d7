using System.Collections.Generic;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Wakes the threads waiting for a socket to change. A waiter reads Version, tries its
// operation, and waits only if Version is still what it read, so a change that happens
// between the try and the wait is never missed. Raise runs in the network stack's callback
// (its lock held): it takes only this signal's own mutex, which no one holds while calling
// into the stack.
internal sealed class ChangeSignal
{
    private readonly object _mutex = ThreadingSeam.Installed.NewMutex();
    private readonly List<object> _waiters = new List<object>();
    // A semaphore no one waits on and whose count is 0, kept for the next wait: a socket
    // usually has one blocking waiter at a time, which then allocates nothing per wait.
    private object? _spare;
    private int _version;

    internal int Version
    {
        get
        {
            ThreadingSeam.Installed.Lock(_mutex);
            int version = _version;
            ThreadingSeam.Installed.Unlock(_mutex);
            return version;
        }
    }

    internal void Raise()
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        seam.Lock(_mutex);
        _version++;
        for (int i = 0; i < _waiters.Count; i++)
            seam.Release(_waiters[i]);
        _waiters.Clear();
        seam.Unlock(_mutex);
    }

    // Waits until Version differs from seen or until deadline (monotonic ns); false on
    // timeout.
    internal bool WaitForChange(int seen, long deadline)
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        seam.Lock(_mutex);
        if (_version != seen)
        {
            seam.Unlock(_mutex);
            return true;
        }
        object waiter = _spare ?? seam.NewSemaphore(0);
        _spare = null;
        _waiters.Add(waiter);
        seam.Unlock(_mutex);
        bool signalled = seam.Wait(waiter, deadline);
        seam.Lock(_mutex);
        bool clean = true;
        // A Raise between the timeout and the lock already took the waiter off the list and
        // released it: its count is 1, so it is not kept.
        if (!signalled && !_waiters.Remove(waiter))
        {
            signalled = true;
            clean = false;
        }
        if (clean)
            _spare = waiter;
        seam.Unlock(_mutex);
        return signalled;
    }
}
