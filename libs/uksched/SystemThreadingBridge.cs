using System;
using Internal.Runtime;

namespace Uk.Sched;

// System.Threading (Thread, Lock, SemaphoreSlim) in the corlib, served by this scheduler's
// threads, mutexes and semaphores.
internal sealed class SystemThreadingBridge : ThreadingSeam
{
    internal override object Start(Action body, string? name, int priority, int stackSize) =>
        Scheduler.Create(body, name ?? "thread", priority, stackSize > 0 ? stackSize : SchedOptions.StackSize);

    internal override bool Join(object thread, long deadline) => Scheduler.Join((Thread)thread, deadline);

    internal override bool IsAlive(object thread) => ((Thread)thread).State != ThreadState.Exited;

    internal override int Id(object thread) => ((Thread)thread).Id;

    internal override object Current => Scheduler.Current;

    internal override object? CurrentIfRunning => Scheduler.HasCurrentThread ? Scheduler.Current : null;

    internal override object? GetWrapper(object thread) => ((Thread)thread).Wrapper;

    internal override void SetWrapper(object thread, object wrapper) => ((Thread)thread).Wrapper = wrapper;

    internal override bool TryGetStackBounds(object thread, out ulong low, out ulong high)
    {
        ThreadStack stack = ((Thread)thread).Stack;
        low = stack.IsAllocated ? stack.Guard + ThreadStack.PageSize : 0;
        high = stack.Top;
        return stack.IsAllocated;
    }

    internal override void SleepUntil(long deadline) => Scheduler.SleepUntil(deadline);

    internal override void Yield() => Scheduler.Yield();

    internal override object NewMutex() => new Mutex();

    internal override void Lock(object mutex) => ((Mutex)mutex).Lock();

    internal override bool TryLock(object mutex) => ((Mutex)mutex).TryLock();

    internal override void Unlock(object mutex) => ((Mutex)mutex).Unlock();

    internal override object NewSemaphore(int initialCount) => new Semaphore(initialCount);

    internal override bool Wait(object semaphore, long deadline) => ((Semaphore)semaphore).Wait(deadline);

    internal override void Release(object semaphore) => ((Semaphore)semaphore).Release();

    internal override int Count(object semaphore) => ((Semaphore)semaphore).Count;
}
