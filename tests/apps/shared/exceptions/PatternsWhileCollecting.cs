using System;
using System.Runtime.CompilerServices;
using System.Threading;
using static ExceptionTests.Report;

namespace ExceptionTests;

// `using` and `lock` on a thread, with exceptions passing through them, while another thread
// collects and a third takes the same lock: every resource is disposed once with its contents
// intact, each exception arrives intact, and the lock is released every time.
internal static class PatternsWhileCollecting
{
    private const int Rounds = 300;

    private sealed class Resource : IDisposable
    {
        private readonly int _id;

        public Resource(int id)
        {
            _id = id;
            Contents = new Payload(id);
        }

        public Payload Contents { get; }

        public int Disposals { get; private set; }

        public bool DisposedIntact { get; private set; }

        public void Dispose()
        {
            Disposals++;
            DisposedIntact = Contents.Intact(_id);
        }
    }

    // Made in Run, not by a static initializer: static constructors run before the scheduler starts.
    private static Lock s_gate = null!;
    private static volatile bool s_stop;
    private static int s_usingIntact;
    private static int s_lockIntact;
    private static int s_contenderEntries;

    public static void Run()
    {
        s_gate = new Lock();
        BackgroundCollector collector = new BackgroundCollector();
        Thread contender = new Thread(Contend);
        contender.Start();
        Thread worker = new Thread(Work);
        worker.Start();
        worker.Join();
        s_stop = true;
        contender.Join();
        collector.Stop();
        Check(s_usingIntact == Rounds && s_lockIntact == Rounds && s_contenderEntries > 0 && collector.Rounds > 0,
            "using and lock on a thread while collections run: disposed intact " + s_usingIntact.ToString() + " and lock released "
            + s_lockIntact.ToString() + " of " + Rounds.ToString() + " times; the other thread took the lock " + (s_contenderEntries > 0 ? "too" : "never"));
    }

    private static void Work()
    {
        for (int round = 0; round < Rounds; round++)
        {
            Resource resource = new Resource(round);
            try
            {
                UseAndFail(resource, round);
            }
            catch (PayloadException e)
            {
                if (e.Intact(round) && resource.Disposals == 1 && resource.DisposedIntact && resource.Contents.Intact(round))
                    s_usingIntact++;
            }
            try
            {
                LockAndFail(round);
            }
            catch (PayloadException e)
            {
                if (e.Intact(round) && !s_gate.IsHeldByCurrentThread)
                    s_lockIntact++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseAndFail(Resource resource, int round)
    {
        using (resource)
        {
            Payload inside = new Payload(round + 5000);
            Thread.Yield();
            if (inside.Intact(round + 5000))
                throw new PayloadException(round);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LockAndFail(int round)
    {
        lock (s_gate)
        {
            // The contender blocks on the lock while this thread yields holding it.
            Payload inside = new Payload(round + 9000);
            Thread.Yield();
            if (inside.Intact(round + 9000))
                throw new PayloadException(round);
        }
    }

    private static void Contend()
    {
        while (!s_stop)
        {
            lock (s_gate)
                s_contenderEntries++;
            Thread.Yield();
        }
    }
}
