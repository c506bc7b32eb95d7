using System;
using Uk.Core;
using Uk.Sched;
using Thread = Uk.Sched.Thread;

namespace SchedTests;

internal static class Scenarios
{
    // Two threads take turns through two semaphores; the trace must alternate strictly.
    public static void PingPong()
    {
        const int Rounds = 100;
        var ping = new Semaphore(1);
        var pong = new Semaphore(0);
        var trace = new char[2 * Rounds];
        int at = 0;
        Thread a = Thread.Start(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                ping.Wait();
                trace[at++] = 'A';
                pong.Release();
            }
        }, "ping");
        Thread b = Thread.Start(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                pong.Wait();
                trace[at++] = 'B';
                ping.Release();
            }
        }, "pong");
        a.Join();
        b.Join();
        bool alternates = at == 2 * Rounds;
        for (int i = 0; i < at; i++)
            alternates &= trace[i] == (i % 2 == 0 ? 'A' : 'B');
        Report.Check(alternates, "ping-pong: " + at.ToString() + " turns, strictly alternating");
    }

    // A bounded queue (mutex + two condition variables): every item arrives once, in order.
    public static void ProducerConsumer()
    {
        const int Items = 2000;
        var queue = new BoundedQueue(8);
        long sum = 0;
        int received = 0;
        bool inOrder = true;
        Thread consumer = Thread.Start(() =>
        {
            for (int i = 1; i <= Items; i++)
            {
                int item = queue.Take();
                inOrder &= item == i;
                sum += item;
                received++;
            }
        }, "consumer");
        Thread producer = Thread.Start(() =>
        {
            for (int i = 1; i <= Items; i++)
                queue.Put(i);
        }, "producer");
        producer.Join();
        consumer.Join();
        Report.Check(received == Items && inOrder && sum == (long)Items * (Items + 1) / 2,
            "producer/consumer: " + received.ToString() + " items through a queue of 8, in order, sum " + sum.ToString()
            + "; high water " + queue.HighWater.ToString());
    }

    // Threads sleep for different times; they wake in deadline order and never early.
    public static void SleepOrder()
    {
        int[] delaysMs = { 60, 20, 100, 40, 80 };
        var order = new int[delaysMs.Length];
        var early = new long[delaysMs.Length];
        int woken = 0;
        var threads = new Thread[delaysMs.Length];
        long start = Clock.Monotonic;
        for (int i = 0; i < delaysMs.Length; i++)
        {
            int index = i;
            threads[i] = Thread.Start(() =>
            {
                long deadline = start + delaysMs[index] * Clock.NanosecondsPerMillisecond;
                Scheduler.SleepUntil(deadline);
                early[index] = deadline - Clock.Monotonic;
                order[woken++] = delaysMs[index];
            }, "sleeper");
        }
        for (int i = 0; i < threads.Length; i++)
            threads[i].Join();
        bool sorted = woken == delaysMs.Length;
        for (int i = 1; i < woken; i++)
            sorted &= order[i - 1] < order[i];
        bool notEarly = true;
        for (int i = 0; i < early.Length; i++)
            notEarly &= early[i] <= 0;
        Report.Check(sorted, "sleep order: woke after " + Join(order) + " ms");
        Report.Check(notEarly, "sleep: no thread woke before its deadline");
    }

    // Four threads increment a shared counter under a mutex, yielding inside the critical
    // section so the others contend.
    public static void MutexCounter()
    {
        const int Threads = 4, Increments = 500;
        var mutex = new Mutex();
        int counter = 0;
        int insideAtOnce = 0, maxInside = 0;
        var workers = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            workers[t] = Thread.Start(() =>
            {
                for (int i = 0; i < Increments; i++)
                {
                    mutex.Lock();
                    insideAtOnce++;
                    if (insideAtOnce > maxInside)
                        maxInside = insideAtOnce;
                    int seen = counter;
                    if (i % 7 == 0)
                        Thread.Yield();
                    counter = seen + 1;
                    insideAtOnce--;
                    mutex.Unlock();
                }
            }, "worker");
        }
        for (int t = 0; t < Threads; t++)
            workers[t].Join();
        Report.Check(counter == Threads * Increments && maxInside == 1,
            "mutex: counter " + counter.ToString() + " of " + (Threads * Increments).ToString() + ", at most " + maxInside.ToString() + " thread inside");
    }

    // Threads that never yield hammer one mutex for a while; under ukschedpreempt the timer
    // takes the CPU in the middle of critical sections, and no increment may be lost.
    public static void MutexUnderPreemption()
    {
        const int Threads = 3;
        var mutex = new Mutex();
        long counter = 0;
        var done = new long[Threads];
        int insideAtOnce = 0, maxInside = 0;
        var workers = new Thread[Threads];
        long end = Clock.Monotonic + 150 * Clock.NanosecondsPerMillisecond;
        ulong preemptionsBefore = Scheduler.Preemptions;
        for (int t = 0; t < Threads; t++)
        {
            int index = t;
            workers[t] = Thread.Start(() =>
            {
                while (Clock.Monotonic < end)
                {
                    mutex.Lock();
                    insideAtOnce++;
                    if (insideAtOnce > maxInside)
                        maxInside = insideAtOnce;
                    long seen = counter;
                    for (int spin = 0; spin < 200; spin++)
                        seen += spin & 1;
                    counter = seen - 100 + 1;
                    insideAtOnce--;
                    mutex.Unlock();
                    done[index]++;
                }
            }, "hammer");
        }
        for (int t = 0; t < Threads; t++)
            workers[t].Join();
        long total = done[0] + done[1] + done[2];
        Report.Check(counter == total && maxInside == 1,
            "mutex under preemption: counter " + counter.ToString() + " of " + total.ToString() + ", at most " + maxInside.ToString()
            + " thread inside, " + (Scheduler.Preemptions - preemptionsBefore).ToString() + " preemptions");
    }

    // Many short threads: each runs once, join returns after it ran, and the stacks of
    // exited threads go back to the allocator.
    public static void CreateJoinMany()
    {
        const int Count = 200;
        int ran = 0;
        ulong inUseBefore = Uk.Alloc.Heap.Statistics.BytesInUse;
        for (int i = 0; i < Count; i++)
        {
            Thread thread = Thread.Start(() => ran++, "short");
            thread.Join();
        }
        Thread.Yield();
        ulong grown = Uk.Alloc.Heap.Statistics.BytesInUse - inUseBefore;
        bool pastExit = false;
        Thread exiting = Thread.Start(() =>
        {
            ExitFromDeepInside(3);
            pastExit = true;
        }, "exiting");
        exiting.Join();
        Report.Check(!pastExit && exiting.State == ThreadState.Exited, "exit: Thread.Exit from a nested call ends the thread, Join returns");
        Report.Check(ran == Count, "create/join: " + ran.ToString() + " of " + Count.ToString() + " threads ran");
        // Thread objects stay (no collector yet); 200 stacks of 64 KiB would be 12.5 MiB.
        Report.Check(grown < 1024 * 1024, "create/join: heap grew " + (grown / 1024).ToString() + " KiB for " + Count.ToString() + " threads (stacks freed)");
    }

    public static void Events()
    {
        var gate = new Event();
        int passed = 0;
        var waiters = new Thread[3];
        for (int i = 0; i < waiters.Length; i++)
            waiters[i] = Thread.Start(() => { gate.Wait(); passed++; }, "gate");
        Thread.Yield();
        int before = passed;
        gate.Set();
        for (int i = 0; i < waiters.Length; i++)
            waiters[i].Join();
        Report.Check(before == 0 && passed == 3, "event: " + before.ToString() + " passed before Set, " + passed.ToString() + " after");
    }

    public static void Timeouts()
    {
        var never = new Semaphore(0);
        long start = Clock.Monotonic;
        bool acquired = never.Wait(start + 30 * Clock.NanosecondsPerMillisecond);
        long waited = Clock.Monotonic - start;
        Report.Check(!acquired && waited >= 30 * Clock.NanosecondsPerMillisecond,
            "timeout: semaphore wait gave up after " + (waited / 1000).ToString() + " us");
    }

    // A server-like loop: waits with long timeouts that are always satisfied early. Their
    // timer entries go stale and must be swept out, not pile up or fire late.
    public static void EarlyWakeups()
    {
        const int Rounds = 500;
        var request = new Semaphore(0);
        var reply = new Semaphore(0);
        int served = 0;
        Thread server = Thread.Start(() =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                if (request.Wait(Clock.Monotonic + 10 * Clock.NanosecondsPerSecond))
                    served++;
                reply.Release();
            }
        }, "server");
        for (int i = 0; i < Rounds; i++)
        {
            request.Release();
            reply.Wait(Clock.Monotonic + 10 * Clock.NanosecondsPerSecond);
        }
        server.Join();
        long start = Clock.Monotonic;
        Thread.SleepMilliseconds(5);
        long slept = Clock.Monotonic - start;
        int pending = Scheduler.PendingTimers;
        Report.Check(served == Rounds && slept < 1000 * Clock.NanosecondsPerMillisecond && pending < 200,
            "early wake-ups: " + served.ToString() + " of " + Rounds.ToString() + " requests served with 10 s timeouts, a 5 ms sleep took "
            + (slept / 1000).ToString() + " us, " + pending.ToString() + " timer entries left of " + (2 * Rounds).ToString() + " armed");
    }

    // One thread spins for 300 ms without yielding while another counts 10 ms naps.
    // Preemptive: the napper keeps counting during the spin. Cooperative: it cannot run
    // until the spinner finishes (documented: a thread that never yields starves others).
    public static void Spin()
    {
        int naps = 0;
        int napsWhenSpinEnded = -1;
        bool stop = false;
        Thread napper = Thread.Start(() =>
        {
            while (!stop)
            {
                Thread.SleepMilliseconds(10);
                naps++;
            }
        }, "napper");
        Thread spinner = Thread.Start(() =>
        {
            long end = Clock.Monotonic + 300 * Clock.NanosecondsPerMillisecond;
            while (Clock.Monotonic < end)
            {
            }
            napsWhenSpinEnded = naps;
        }, "spinner");
        spinner.Join();
        stop = true;
        napper.Join();
        Console.WriteLine("spin: the napper counted " + napsWhenSpinEnded.ToString() + " naps during a 300 ms spin; preemptions " + Scheduler.Preemptions.ToString());
    }

    // Three threads that never yield count until a common deadline: time slices share the CPU
    // between them under ukschedpreempt; under ukschedcoop the first takes it all.
    public static void Fairness()
    {
        const int Threads = 3;
        var counts = new long[Threads];
        var workers = new Thread[Threads];
        long end = Clock.Monotonic + 300 * Clock.NanosecondsPerMillisecond;
        for (int t = 0; t < Threads; t++)
        {
            int index = t;
            workers[t] = Thread.Start(() =>
            {
                while (Clock.Monotonic < end)
                    counts[index]++;
            }, "counter");
        }
        for (int t = 0; t < Threads; t++)
            workers[t].Join();
        Console.WriteLine("fairness: " + counts[0].ToString() + " " + counts[1].ToString() + " " + counts[2].ToString());
    }

    public static void SleepOneSecond()
    {
        long start = Clock.Monotonic;
        long wallStart = Clock.UnixNanoseconds;
        Thread.SleepMilliseconds(1000);
        long elapsed = Clock.Monotonic - start;
        Console.WriteLine("slept: monotonic " + elapsed.ToString() + " ns, wall " + (Clock.UnixNanoseconds - wallStart).ToString() + " ns");
        Console.WriteLine("wall clock: " + (Clock.UnixNanoseconds / Clock.NanosecondsPerSecond).ToString() + " s since 1970");
    }

    public static void Idle(int seconds)
    {
        ulong timerBefore = Timer.Interrupts;
        Console.WriteLine("idle: sleeping " + seconds.ToString() + " s");
        Thread.SleepMilliseconds(seconds * 1000L);
        Console.WriteLine("idle: slept " + seconds.ToString() + " s with " + (Timer.Interrupts - timerBefore).ToString()
            + " timer interrupts; idle cycles " + Scheduler.IdleCycles.ToString());
    }

    // Under ukschedpreempt a ready thread of higher priority runs at once; equal priorities
    // share the CPU.
    public static void Priorities()
    {
        var trace = new char[3];
        int at = 0;
        Thread low = Thread.Start(() => trace[at++] = 'L', "low", ThreadPriority.Lowest);
        Thread high = Thread.Start(() => trace[at++] = 'H', "high", ThreadPriority.Highest);
        trace[at++] = 'M';
        high.Join();
        low.Join();
        string order = new string(trace, 0, at);
        Console.WriteLine("priority order: " + order);
        Report.Check(order == "HML", "priority: the high thread ran first, the low one last");
    }

    private static void ExitFromDeepInside(int depth)
    {
        if (depth == 0)
            Thread.Exit();
        else
            ExitFromDeepInside(depth - 1);
    }

    private static string Join(int[] values)
    {
        string text = "";
        for (int i = 0; i < values.Length; i++)
            text = text + (i > 0 ? ", " : "") + values[i].ToString();
        return text;
    }
}
