using Internal.Runtime;

namespace System.Threading;

// A counting semaphore whose waiters sleep in the scheduler.
public class SemaphoreSlim
{
    private readonly object _semaphore;
    private readonly int _maxCount;

    public SemaphoreSlim(int initialCount) : this(initialCount, int.MaxValue)
    {
    }

    public SemaphoreSlim(int initialCount, int maxCount)
    {
        if (initialCount < 0 || initialCount > maxCount)
            throw new ArgumentOutOfRangeException(nameof(initialCount), "the initial count is between 0 and the maximum count");
        if (maxCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxCount), "the maximum count is positive");
        _maxCount = maxCount;
        _semaphore = ThreadingSeam.Installed.NewSemaphore(initialCount);
    }

    public int CurrentCount => ThreadingSeam.Installed.Count(_semaphore);

    public void Wait() => ThreadingSeam.Installed.Wait(_semaphore, long.MaxValue);

    public bool Wait(int millisecondsTimeout) => ThreadingSeam.Installed.Wait(_semaphore, Deadline.After(millisecondsTimeout));

    public bool Wait(TimeSpan timeout) => Wait(Deadline.Milliseconds(timeout));

    public int Release() => Release(1);

    public int Release(int releaseCount)
    {
        if (releaseCount < 1)
            throw new ArgumentOutOfRangeException(nameof(releaseCount), "release at least one");
        ThreadingSeam seam = ThreadingSeam.Installed;
        int previous = seam.Count(_semaphore);
        if (releaseCount > _maxCount - previous)
            throw new SemaphoreFullException();
        for (int i = 0; i < releaseCount; i++)
            seam.Release(_semaphore);
        return previous;
    }
}
