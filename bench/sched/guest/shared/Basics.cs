using System;
using System.Runtime.CompilerServices;
using Uk.Sched;
using Thread = Uk.Sched.Thread;

namespace SchedBench;

// Operations of one thread: a plain call (the scale), thread create+join, an uncontended mutex.
internal static class Basics
{
    private static readonly Action s_empty = Empty;
    private static int s_sink;

    public static void Call()
    {
        const int Calls = 100_000;
        var cycles = new ulong[Measure.Rounds];
        for (int round = 0; round < Measure.Rounds; round++)
        {
            int value = s_sink;
            ulong start = Measure.Now();
            for (int i = 0; i < Calls; i++)
                value = Next(value);
            cycles[round] = Measure.Now() - start;
            s_sink = value;
        }
        Measure.Report("call", cycles, Calls);
    }

    // Start makes the thread ready; Join blocks main until it ran and exited (two switches,
    // a 64 KiB stack allocated and freed).
    public static void CreateJoin()
    {
        const int Threads = 50;
        var cycles = new ulong[Measure.Rounds];
        Thread.Start(s_empty).Join(); // warm-up: first allocations of each size
        for (int round = 0; round < Measure.Rounds; round++)
        {
            ulong start = Measure.Now();
            for (int i = 0; i < Threads; i++)
                Thread.Start(s_empty, "empty").Join();
            cycles[round] = Measure.Now() - start;
        }
        Measure.Report("create-join", cycles, Threads);
    }

    public static void MutexUncontended()
    {
        const int Pairs = 20_000;
        var mutex = new Mutex();
        var cycles = new ulong[Measure.Rounds];
        for (int round = 0; round < Measure.Rounds; round++)
        {
            ulong start = Measure.Now();
            for (int i = 0; i < Pairs; i++)
            {
                mutex.Lock();
                mutex.Unlock();
            }
            cycles[round] = Measure.Now() - start;
        }
        Measure.Report("mutex", cycles, Pairs);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Next(int value) => value + 1;

    private static void Empty()
    {
    }
}
