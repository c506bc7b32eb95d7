using System;
using System.Runtime.CompilerServices;
using System.Threading;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Exceptions on threads' own stacks: each thread dispatches independently, also when the
// scheduler switches threads in the middle of a dispatch.
internal static class ThreadCases
{
    public static void Run()
    {
        ThrowThroughFinallyOnAnotherThread();
        TwoThreadsDispatchingAtOnce();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(ref string trace)
    {
        try
        {
            trace += "body,";
            throw new InvalidOperationException("on a thread");
        }
        finally
        {
            trace += "finally,";
        }
    }

    private static void ThrowThroughFinallyOnAnotherThread()
    {
        string trace = "";
        Thread worker = new Thread(() =>
        {
            try
            {
                Fail(ref trace);
            }
            catch (InvalidOperationException e)
            {
                trace += "caught(" + e.Message + ")";
            }
        });
        worker.Start();
        worker.Join();
        Check(trace == "body,finally,caught(on a thread)", "a throw through a frame with finally on another thread is caught there: " + trace);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowYieldingInFinally(int value, ref int finallies)
    {
        try
        {
            throw new ArgumentException(value.ToString());
        }
        finally
        {
            finallies++;
            // The other thread runs while this one is between the two passes' work.
            Thread.Yield();
        }
    }

    private static void Worker(int first, int rounds, ref int caughtRight, ref int finallies)
    {
        for (int i = 0; i < rounds; i++)
        {
            try
            {
                ThrowYieldingInFinally(first + i, ref finallies);
            }
            catch (ArgumentException e)
            {
                if (e.Message == (first + i).ToString())
                    caughtRight++;
            }
        }
    }

    private static void TwoThreadsDispatchingAtOnce()
    {
        const int Rounds = 1000;
        int caughtA = 0, caughtB = 0, finallyA = 0, finallyB = 0;
        Thread a = new Thread(() => Worker(0, Rounds, ref caughtA, ref finallyA));
        Thread b = new Thread(() => Worker(100_000, Rounds, ref caughtB, ref finallyB));
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        Check(caughtA == Rounds && caughtB == Rounds && finallyA == Rounds && finallyB == Rounds,
            "two threads switching in the middle of their dispatches each catch their own exceptions: "
            + caughtA.ToString() + " and " + caughtB.ToString() + " of " + Rounds.ToString());
    }
}
