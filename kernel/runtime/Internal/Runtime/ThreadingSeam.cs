using System;

namespace Internal.Runtime;

// What System.Threading needs from the image's scheduler library (uksched). Thread and lock
// handles are the scheduler's own objects, opaque here.
internal abstract class ThreadingSeam
{
    private static ThreadingSeam? s_installed;

    internal static ThreadingSeam Installed => s_installed ?? throw new PlatformNotSupportedException(
        "threads need a scheduler: list uksched and ukschedcoop or ukschedpreempt in unikernel.yaml");

    internal static bool IsInstalled => s_installed is not null;

    internal static void Install(ThreadingSeam seam) => s_installed = seam;

    internal abstract object Start(Action body, string? name, int priority, int stackSize);

    // False if the deadline (monotonic nanoseconds, long.MaxValue for none) passed first.
    internal abstract bool Join(object thread, long deadline);

    internal abstract bool IsAlive(object thread);

    internal abstract int Id(object thread);

    internal abstract object Current { get; }

    // The running thread, or null before the scheduler runs Main as a thread.
    internal abstract object? CurrentIfRunning { get; }

    // The System.Threading.Thread wrapping a scheduler thread, kept with it.
    internal abstract object? GetWrapper(object thread);

    internal abstract void SetWrapper(object thread, object wrapper);

    // The usable stack of a thread (above its guard page), where the scheduler knows it.
    internal virtual bool TryGetStackBounds(object thread, out ulong low, out ulong high)
    {
        low = high = 0;
        return false;
    }

    internal abstract void SleepUntil(long deadline);

    internal abstract void Yield();

    internal abstract object NewMutex();

    internal abstract void Lock(object mutex);

    internal abstract bool TryLock(object mutex);

    internal abstract void Unlock(object mutex);

    internal abstract object NewSemaphore(int initialCount);

    internal abstract bool Wait(object semaphore, long deadline);

    internal abstract void Release(object semaphore);

    internal abstract int Count(object semaphore);
}
