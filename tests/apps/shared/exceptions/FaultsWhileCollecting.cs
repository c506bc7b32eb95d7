using System;
using System.Runtime.CompilerServices;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Null dereferences and divisions by zero in a loop with nothing else allocating: the
// allocations of raising them (the exception and the fault's description) trigger the
// collections. A page fault's handler runs on its own interrupt stack: a collection started
// there scanned from that stack to the thread's top, across the thread's guard page.
internal static class FaultsWhileCollecting
{
    private const int Rounds = 20_000;

    private sealed class Holder
    {
        public int Value = 42;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadField(Holder holder) => holder.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int a, int b) => a / b;

    public static void Run()
    {
        Payload live = new Payload(77);
        int collectionsBefore = GC.CollectionCount(0);
        int caught = 0;
        int intact = 0;
        for (int round = 0; round < Rounds; round++)
        {
            try
            {
                if ((round & 1) == 0)
                    ReadField(Opaque<Holder>(null!));
                else
                    Divide(Opaque(round), Opaque(0));
            }
            catch (NullReferenceException e) when ((round & 1) == 0)
            {
                if (e.Message == "Object reference not set to an instance of an object.")
                    caught++;
            }
            catch (DivideByZeroException e) when ((round & 1) == 1)
            {
                if (e.Message == "Attempted to divide by zero.")
                    caught++;
            }
            if (round % 1000 == 0 && live.Intact(77))
                intact++;
        }
        int collections = GC.CollectionCount(0) - collectionsBefore;
        Check(caught == Rounds && intact == Rounds / 1000 && live.Intact(77) && collections > 0,
            "faults raised as exceptions while raising them triggers collections: caught " + caught.ToString() + " of "
            + Rounds.ToString() + ", live objects intact " + intact.ToString() + " of " + (Rounds / 1000).ToString() + " times, "
            + (collections > 0 ? "with" : "WITHOUT") + " collections");
    }
}
