using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// The mutex and condition variable every lock, wait handle, timer and the thread pool in
// CoreLib are built on, over the scheduler's mutexes and semaphores: each waiter waits on a
// semaphore of its own, queued under the mutex. Before a scheduler runs there is one thread:
// acquiring always succeeds, and a wait, which nothing could end, stops the kernel.
internal static unsafe class Monitors
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Create")]
    private static nint Create() => GCHandle.ToIntPtr(GCHandle.Alloc(new Monitor()));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Destroy")]
    private static void Destroy(nint monitor) => GCHandle.FromIntPtr(monitor).Free();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Acquire")]
    private static void Acquire(nint monitor) => Of(monitor).Acquire();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Release")]
    private static void Release(nint monitor) => Of(monitor).Release();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Signal_Release")]
    private static void SignalRelease(nint monitor) => Of(monitor).SignalAndRelease();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Wait")]
    private static void Wait(nint monitor) => Of(monitor).Wait(long.MaxValue);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_TimedWait")]
    private static int TimedWait(nint monitor, int milliseconds)
    {
        if (!ClockSeam.IsInstalled)
            RuntimeFailure.Fail("dotnet: a timed wait needs a clock: list apic in unikernel.yaml", null);
        return Of(monitor).Wait(ClockSeam.MonotonicNanoseconds + milliseconds * 1_000_000L) ? 1 : 0;
    }

    private static Monitor Of(nint handle) => (Monitor)GCHandle.FromIntPtr(handle).Target!;

    private sealed class Monitor
    {
        // Both made on first use under the scheduler: CoreLib creates monitors while its
        // modules initialise, before class constructors or a scheduler can run.
        private List<object>? _waiters;
        private object? _mutex;

        private static bool Scheduled => ThreadingSeam.IsInstalled && ThreadingSeam.Installed.CurrentIfRunning is not null;

        // Threads may race to make it under a preemptive scheduler: one mutex wins for all.
        private object Mutex
        {
            get
            {
                if (_mutex is null)
                    Interlocked.CompareExchange(ref _mutex, ThreadingSeam.Installed.NewMutex(), null);
                return _mutex;
            }
        }

        private List<object> Waiters => _waiters ??= new List<object>();

        public void Acquire()
        {
            if (Scheduled)
                ThreadingSeam.Installed.Lock(Mutex);
        }

        public void Release()
        {
            if (Scheduled)
                ThreadingSeam.Installed.Unlock(Mutex);
        }

        public void SignalAndRelease()
        {
            if (!Scheduled)
                return;
            if (_waiters is { Count: > 0 })
            {
                object waiter = _waiters[0];
                _waiters.RemoveAt(0);
                ThreadingSeam.Installed.Release(waiter);
            }
            ThreadingSeam.Installed.Unlock(Mutex);
        }

        // Called with the monitor held; returns holding it. True when signalled.
        public bool Wait(long deadline)
        {
            if (!Scheduled)
            {
                RuntimeFailure.Fail("dotnet: a thread waits on a monitor, but no scheduler is linked: list uksched and ukschedcoop in unikernel.yaml", null);
                return false;
            }
            ThreadingSeam seam = ThreadingSeam.Installed;
            object waiter = seam.NewSemaphore(0);
            Waiters.Add(waiter);
            seam.Unlock(Mutex);
            bool signalled = seam.Wait(waiter, deadline);
            seam.Lock(Mutex);
            // A signal that came between the timeout and the lock took the waiter off the list.
            if (!signalled && !Waiters.Remove(waiter))
                signalled = true;
            return signalled;
        }
    }
}
