using System;
using System.Runtime.CompilerServices;
using System.Threading;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Collections while another thread is parked in the middle of a dispatch: blocked inside a
// filter (pass one) and inside a finally (pass two). Its frames, its finally's locals and the
// exception (referenced only from the parked thread's stack) must survive; garbage made
// meanwhile must be freed.
internal static class ParkedInDispatch
{
    private const int Rounds = 20;

    private const int GarbageBytes = 64 * 4096;

    // Made in Run, not by a static initializer: static constructors run before the scheduler starts.
    private static SemaphoreSlim s_parked = null!;
    private static SemaphoreSlim s_resume = null!;
    private static int s_filterIntact;
    private static int s_finallyIntact;
    private static int s_caughtIntact;

    public static void Run()
    {
        s_parked = new SemaphoreSlim(0);
        s_resume = new SemaphoreSlim(0);
        Thread parked = new Thread(Dispatch);
        parked.Start();
        int collections = 0;
        int freed = 0;
        for (int round = 0; round < Rounds; round++)
        {
            // Twice per round: once while the thread waits in the filter, once in the finally.
            for (int stop = 0; stop < 2; stop++)
            {
                s_parked.Wait();
                long before = GC.GetTotalMemory(false);
                MakeGarbage(round);
                GC.Collect();
                if (GC.GetTotalMemory(false) < before + GarbageBytes)
                    freed++;
                collections++;
                s_resume.Release();
            }
        }
        parked.Join();
        Check(s_filterIntact == Rounds && s_finallyIntact == Rounds && s_caughtIntact == Rounds && freed == collections,
            "collections while a thread is parked in a filter and in a finally keep its dispatch intact: filters " + s_filterIntact.ToString()
            + ", finally blocks " + s_finallyIntact.ToString() + ", catches " + s_caughtIntact.ToString() + " of " + Rounds.ToString()
            + "; garbage freed in " + freed.ToString() + " of " + collections.ToString() + " collections");
    }

    // GarbageBytes of arrays (and their headers), none of it reachable when the collection runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage(int round)
    {
        for (int i = 0; i < 64; i++)
            Opaque(new byte[4096])[0] = (byte)(round + i);
    }

    private static void Dispatch()
    {
        for (int round = 0; round < Rounds; round++)
        {
            try
            {
                ThrowPastAFinally(round);
            }
            catch (PayloadException e) when (ParkInFilter(e, round))
            {
                if (e.Intact(round))
                    s_caughtIntact++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ParkInFilter(PayloadException e, int round)
    {
        Park();
        if (e.Intact(round))
            s_filterIntact++;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowPastAFinally(int round)
    {
        Payload mine = new Payload(round + 1000);
        try
        {
            throw new PayloadException(round);
        }
        finally
        {
            Park();
            if (mine.Intact(round + 1000))
                s_finallyIntact++;
        }
    }

    private static void Park()
    {
        s_parked.Release();
        s_resume.Wait();
    }
}
