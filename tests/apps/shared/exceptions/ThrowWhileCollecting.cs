using System;
using System.Runtime.CompilerServices;
using System.Threading;
using static ExceptionTests.Report;

namespace ExceptionTests;

// A thread throws through frames with finally blocks while another thread collects: the
// frames' locals, the objects the finally blocks allocate and the exception in flight (held
// only by the dispatcher on the throwing thread's stack) must all survive. Collections are
// also triggered from inside a finally and inside a catch filter.
internal static class ThrowWhileCollecting
{
    private const int Rounds = 200;
    private const int Depth = 4;

    private static int s_finallyIntact;
    private static int s_filterIntact;
    private static int s_caughtIntact;

    public static void Run()
    {
        BackgroundCollector collector = new BackgroundCollector();
        int collectionsBefore = GC.CollectionCount(0);
        Thread thrower = new Thread(Throw);
        thrower.Start();
        thrower.Join();
        collector.Stop();
        int collections = GC.CollectionCount(0) - collectionsBefore;
        Check(s_finallyIntact == Rounds * Depth && s_filterIntact == Rounds && s_caughtIntact == Rounds && collections >= 2 * Rounds,
            "a throw through " + Depth.ToString() + " frames with finally on one thread while another collects: finally blocks "
            + s_finallyIntact.ToString() + " of " + (Rounds * Depth).ToString() + ", filters " + s_filterIntact.ToString()
            + " and catches " + s_caughtIntact.ToString() + " of " + Rounds.ToString() + " saw intact objects, over at least "
            + (2 * Rounds).ToString() + " collections: " + (collections >= 2 * Rounds ? "yes" : "no, " + collections.ToString()));
    }

    private static void Throw()
    {
        for (int round = 0; round < Rounds; round++)
        {
            try
            {
                Descend(round, Depth);
            }
            catch (PayloadException e) when (CollectAndCheck(e, round))
            {
                // Allocations after the dispatch, before the exception is checked again.
                Payload after = new Payload(round + 1);
                if (e.Intact(round) && after.Intact(round + 1))
                    s_caughtIntact++;
            }
        }
    }

    // The filter runs in pass one, before any finally: the exception lives only in the
    // dispatcher's frames and records, and in this filter's argument.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool CollectAndCheck(PayloadException e, int round)
    {
        GC.Collect();
        Payload garbage = new Payload(round * 7);
        bool intact = e.Intact(round) && garbage.Intact(round * 7);
        if (intact)
            s_filterIntact++;
        return intact;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Descend(int round, int depth)
    {
        Payload mine = new Payload(round * 100 + depth);
        try
        {
            if (depth == 1)
                throw new PayloadException(round);
            Descend(round, depth - 1);
        }
        finally
        {
            // Allocates while the exception passes; one frame also collects from the finally.
            Payload fresh = new Payload(round * 100 + depth + 50);
            if (depth == 2)
                GC.Collect();
            Thread.Yield();
            if (mine.Intact(round * 100 + depth) && fresh.Intact(round * 100 + depth + 50))
                s_finallyIntact++;
        }
    }
}
