using System;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The finalizer thread, as NativeAOT's native runtime provides it: a thread that runs CoreLib's
// ProcessFinalizers loop, which waits here for work (RhpWaitForFinalizerRequest), runs the
// finalizers of the objects a collection queued (RhpGetNextFinalizableObject) and reports each
// pass (RhpSignalFinalizationComplete). It is started on first need once the scheduler runs
// (an object with a finalizer made, GC.Collect, GC.WaitForPendingFinalizers); there is none
// without a collector library or without a scheduler, where finalizers never run.
internal static class FinalizerThread
{
    // A collection queues objects with interrupts off and cannot wake a thread; the loop looks
    // for them this often, and GC.Collect and GC.WaitForPendingFinalizers wake it at once.
    private const long PollNanoseconds = 100_000_000;

    private static int s_started;
    private static object? s_request;
    private static object? s_thread;
    private static long s_requestedPasses;
    private static long s_passInProgress;
    private static long s_completedPasses;

    internal static bool IsRunning => s_thread is not null;

    internal static void EnsureStarted()
    {
        if (s_started != 0 || !HeapSeam.HasCollector || !ThreadingSeam.IsInstalled || ThreadingSeam.Installed.CurrentIfRunning is null)
            return;
        if (Interlocked.CompareExchange(ref s_started, 1, 0) != 0)
            return;
        s_request = ThreadingSeam.Installed.NewSemaphore(0);
        s_thread = ThreadingSeam.Installed.Start(Run, "finalizer", ThreadPriorities.Normal, Threads.MinimumStackSize);
    }

    // After GC.Collect: the finalizers of what it queued run now, not at the next poll.
    internal static void WakeIfQueued()
    {
        EnsureStarted();
        if (IsRunning && Finalization.HasReady)
            ThreadingSeam.Installed.Release(s_request!);
    }

    private static void Run() => ProcessFinalizers();

    [RuntimeExport("RhpWaitForFinalizerRequest")]
    private static uint WaitForFinalizerRequest()
    {
        while (true)
        {
            long deadline = ClockSeam.IsInstalled ? ClockSeam.MonotonicNanoseconds + PollNanoseconds : long.MaxValue;
            bool requested = ThreadingSeam.Installed.Wait(s_request!, deadline);
            if (requested || Finalization.HasReady)
            {
                Volatile.Write(ref s_passInProgress, Volatile.Read(ref s_requestedPasses));
                return 1;
            }
        }
    }

    [RuntimeExport("RhpSignalFinalizationComplete")]
    private static void FinalizationComplete(uint run, int observedCollections) =>
        Volatile.Write(ref s_completedPasses, Volatile.Read(ref s_passInProgress));

    // GC.WaitForPendingFinalizers: asks for a pass and returns once one that began after the
    // request has ended, so every finalizer queued before the call has run. Without a
    // finalizer thread, and on it, there is nothing to wait for.
    [RuntimeExport("RhWaitForPendingFinalizers")]
    private static void WaitForPendingFinalizers(int allowReentrantWait)
    {
        EnsureStarted();
        if (!IsRunning || ReferenceEquals(ThreadingSeam.Installed.CurrentIfRunning, s_thread))
            return;
        long pass = Interlocked.Increment(ref s_requestedPasses);
        ThreadingSeam.Installed.Release(s_request!);
        while (Volatile.Read(ref s_completedPasses) < pass)
            ThreadingSeam.Installed.Yield();
    }

    [DllImport("*", EntryPoint = "ProcessFinalizers")]
    private static extern void ProcessFinalizers();

    private static class ThreadPriorities
    {
        // The scheduler's priorities run 0-15; the finalizer runs beside .NET's Normal threads.
        public const int Normal = 8;
    }
}
