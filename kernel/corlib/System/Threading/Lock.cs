using Internal.Runtime;

namespace System.Threading;

// The lock C# 13's `lock` statement uses for a System.Threading.Lock: one owner, recursive,
// waiters sleep in the scheduler. Owner and recursion are kept here; the scheduler's mutex
// does the blocking.
public sealed class Lock
{
    private readonly object _mutex = ThreadingSeam.Installed.NewMutex();
    private object? _owner;
    private int _recursion;

    public bool IsHeldByCurrentThread => _owner is not null && _owner == ThreadingSeam.Installed.Current;

    public void Enter()
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        object current = seam.Current;
        if (_owner == current)
        {
            _recursion++;
            return;
        }
        seam.Lock(_mutex);
        _owner = current;
        _recursion = 1;
    }

    public bool TryEnter()
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        object current = seam.Current;
        if (_owner == current)
        {
            _recursion++;
            return true;
        }
        if (!seam.TryLock(_mutex))
            return false;
        _owner = current;
        _recursion = 1;
        return true;
    }

    public void Exit()
    {
        if (!IsHeldByCurrentThread)
            throw new SynchronizationLockException("The lock is not held by the calling thread.");
        if (--_recursion > 0)
            return;
        _owner = null;
        ThreadingSeam.Installed.Unlock(_mutex);
    }

    public Scope EnterScope()
    {
        Enter();
        return new Scope(this);
    }

    public ref struct Scope
    {
        private Lock? _lock;

        internal Scope(Lock owner) => _lock = owner;

        public void Dispose()
        {
            Lock? owner = _lock;
            if (owner is not null)
            {
                _lock = null;
                owner.Exit();
            }
        }
    }
}
