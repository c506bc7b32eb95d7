using System;
using Uk.Sched;
using SchedTests;

namespace GcTests;

// Collections while other threads are parked in the middle of a call chain, each frame
// holding its own objects; and (under a preemptive scheduler) while a busy thread is
// interrupted half-way through building and checking a structure.
internal static class BlockedThreads
{
    private const int Threads = 4;
    private const int Depth = 24;

    private static readonly Semaphore s_arrived = new Semaphore(0);
    private static readonly Semaphore s_release = new Semaphore(0);
    private static int s_framesOk;
    private static int s_busyRounds;
    private static int s_busyFailures;
    private static volatile bool s_stop;

    public static void Run(int heapMultiple)
    {
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            threads[t] = Thread.Start(() => Descend(id, Depth), "chain-" + t.ToString());
        }
        for (int t = 0; t < Threads; t++)
            s_arrived.Wait();
        Thread busy = Thread.Start(Busy, "busy");

        int collectionsBefore = GC.CollectionCount(0);
        int round = 0;
        Garbage.Churn(Memory.HeapBytes() * heapMultiple, () =>
        {
            if (++round % 16 == 0)
                GC.Collect();
            // Lets the busy thread run under the cooperative scheduler too.
            Thread.Yield();
        });
        int collections = GC.CollectionCount(0) - collectionsBefore;

        for (int t = 0; t < Threads; t++)
            s_release.Release();
        foreach (Thread thread in threads)
            thread.Join();
        s_stop = true;
        busy.Join();

        Report.Check(s_framesOk == Threads * (Depth + 1), "blocked: " + s_framesOk.ToString() + " of " + (Threads * (Depth + 1)).ToString()
            + " frames of " + Threads.ToString() + " parked call chains kept their objects through " + collections.ToString() + " collections");
        Report.Check(s_busyRounds > 0 && s_busyFailures == 0, "blocked: busy thread checked " + s_busyRounds.ToString() + " structures, "
            + s_busyFailures.ToString() + " damaged");
    }

    private static void Descend(int id, int depth)
    {
        string here = Strings.Make("t" + id.ToString(), depth);
        var node = new Node(id * 1000 + depth, new Node(depth, null));
        var labels = new Labelled[2];
        labels[1] = new Labelled { Number = depth, Label = Strings.Make("frame", depth), Check = id };
        if (depth == 0)
        {
            s_arrived.Release();
            s_release.Wait();
        }
        else
        {
            Descend(id, depth - 1);
        }
        if (here == Strings.Make("t" + id.ToString(), depth) && node.Value == id * 1000 + depth && node.Next!.Value == depth
            && node.Text == "node-" + (id * 1000 + depth).ToString() && labels[1].Label == Strings.Make("frame", depth) && labels[1].Check == id)
            s_framesOk++;
    }

    private static void Busy()
    {
        while (!s_stop)
        {
            Node? chain = null;
            for (int i = 0; i < 200; i++)
                chain = new Node(i, chain);
            for (int expected = 199; expected >= 0; expected--)
            {
                if (chain is null || chain.Value != expected || chain.Text != "node-" + expected.ToString())
                {
                    s_busyFailures++;
                    break;
                }
                chain = chain.Next;
            }
            s_busyRounds++;
            Thread.Yield();
        }
    }
}
