using Uk.Sched;
using Thread = Uk.Sched.Thread;

namespace SchedBench;

// Switches between two threads of the same priority: a yield, a blocking semaphore handoff
// and a blocking mutex handoff. Each is reported per context switch it causes.
internal static class Switches
{
    private const int Handoffs = 1000;
    private static bool s_stop;

    // Main and a partner thread both loop on Thread.Yield, so every yield switches to the other.
    public static void Yield()
    {
        const int Yields = 2000;
        s_stop = false;
        Thread partner = Thread.Start(() =>
        {
            while (!s_stop)
                Thread.Yield();
        }, "yielder");
        Thread.Yield(); // the partner is in its loop from here on
        var cycles = new ulong[Measure.Rounds];
        ulong switches = 0;
        for (int round = 0; round < Measure.Rounds; round++)
        {
            ulong before = Scheduler.ContextSwitches;
            ulong start = Measure.Now();
            for (int i = 0; i < Yields; i++)
                Thread.Yield();
            cycles[round] = Measure.Now() - start;
            switches = Scheduler.ContextSwitches - before;
        }
        s_stop = true;
        partner.Join();
        Measure.Report("yield", cycles, switches);
    }

    // Two threads alternate through two semaphores (initially 0): each Release hands a unit
    // to the other thread, blocked in Wait, and the releaser then blocks in its own Wait.
    public static void SemaphorePingPong()
    {
        var cycles = new ulong[Measure.Rounds];
        for (int round = 0; round < Measure.Rounds; round++)
        {
            var ping = new Semaphore(0);
            var pong = new Semaphore(0);
            Thread a = Thread.Start(() =>
            {
                for (int i = 0; i < Handoffs; i++)
                {
                    ping.Wait();
                    pong.Release();
                }
            }, "ping");
            Thread b = Thread.Start(() =>
            {
                for (int i = 0; i < Handoffs; i++)
                {
                    pong.Wait();
                    ping.Release();
                }
            }, "pong");
            Thread.Yield(); // both run into their first Wait and block
            ulong start = Measure.Now();
            ping.Release();
            a.Join();
            b.Join();
            cycles[round] = Measure.Now() - start;
        }
        Measure.Report("semaphore-handoff", cycles, 2 * Handoffs);
    }

    // Two threads loop Lock/Unlock on one mutex. Unlock wakes the waiter, which competes for
    // the mutex when it runs: a contended lock costs a switch only when it has to wait.
    public static void MutexHandoff()
    {
        var cycles = new ulong[Measure.Rounds];
        for (int round = 0; round < Measure.Rounds; round++)
        {
            var mutex = new Mutex();
            mutex.Lock();
            Thread a = Thread.Start(() => LockUnlock(mutex), "locker-a");
            Thread b = Thread.Start(() => LockUnlock(mutex), "locker-b");
            Thread.Yield(); // both block in Lock behind main
            ulong start = Measure.Now();
            mutex.Unlock();
            a.Join();
            b.Join();
            cycles[round] = Measure.Now() - start;
        }
        Measure.Report("mutex-handoff", cycles, 2 * Handoffs);
    }

    private static void LockUnlock(Mutex mutex)
    {
        for (int i = 0; i < Handoffs; i++)
        {
            mutex.Lock();
            mutex.Unlock();
        }
    }
}
