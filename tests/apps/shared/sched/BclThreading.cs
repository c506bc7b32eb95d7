using System;
using System.Diagnostics;
using System.Threading;

namespace SchedTests;

// The same kind of work written against System.Threading, as a .NET program would.
internal static class BclThreading
{
    public static void Run()
    {
        var gate = new Lock();
        int counter = 0;
        bool nestedHeld = false;
        var finished = new SemaphoreSlim(0);
        var workers = new Thread[4];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(() =>
            {
                for (int j = 0; j < 250; j++)
                {
                    lock (gate)
                    {
                        int seen = counter;
                        if (j % 50 == 0)
                        {
                            Thread.Yield();
                            lock (gate)
                                nestedHeld |= gate.IsHeldByCurrentThread;
                        }
                        counter = seen + 1;
                    }
                }
                finished.Release();
            });
            workers[i].Name = "bcl-worker";
            workers[i].Start();
        }
        for (int i = 0; i < workers.Length; i++)
            finished.Wait();
        for (int i = 0; i < workers.Length; i++)
            workers[i].Join();
        Report.Check(counter == 1000 && nestedHeld && !workers[0].IsAlive,
            "System.Threading: 4 threads, lock statement on a Lock: counter " + counter.ToString() + " of 1000, recursion " + (nestedHeld ? "held" : "lost"));

        var stopwatch = Stopwatch.StartNew();
        Thread.Sleep(50);
        stopwatch.Stop();
        Report.Check(stopwatch.ElapsedMilliseconds >= 50 && stopwatch.Elapsed >= TimeSpan.FromMilliseconds(50),
            "System.Threading: Thread.Sleep(50) took " + stopwatch.Elapsed.ToString() + " by Stopwatch");

        var never = new SemaphoreSlim(0, 1);
        long waitStart = Stopwatch.GetTimestamp();
        bool acquired = never.Wait(20);
        TimeSpan waited = Stopwatch.GetElapsedTime(waitStart);
        Report.Check(!acquired && waited.TotalMilliseconds >= 20, "System.Threading: SemaphoreSlim.Wait(20) timed out after " + waited.ToString());

        object? received = null;
        var sleeper = new Thread(parameter => { received = parameter; Thread.Sleep(200); });
        sleeper.Start("parameter");
        bool joinedEarly = sleeper.Join(10);
        sleeper.Join();
        Report.Check(!joinedEarly && (string?)received == "parameter" && sleeper.ManagedThreadId != Thread.CurrentThread.ManagedThreadId,
            "System.Threading: Join(10) on a sleeping thread gave up, the parameter arrived, thread ids differ");
    }
}
