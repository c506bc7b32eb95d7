using System;
using System.Runtime.CompilerServices;
using Uk.Core;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Many exceptions in a row: every one caught, and the heap figures before and after, so the
// cost per exception and that the heap does not grow (the collector frees each exception) can
// be read off.
internal static class CatchLoop
{
    private sealed class LoopException : Exception
    {
        public LoopException(int round) : base(null) => Round = round;

        public int Round { get; }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int round) => throw new LoopException(round);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Once(int round)
    {
        try
        {
            Throw(round);
            return -1;
        }
        catch (LoopException e)
        {
            return e.Round;
        }
    }

    public static void Run(int rounds)
    {
        // Figures from the collector (ukgc): objects not yet collected and bytes ever allocated.
        GC.Collect();
        long inUseBefore = GC.GetTotalMemory(false);
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        int collectionsBefore = GC.CollectionCount(0);
        ulong started = Plat.ReadTimestampCounter();
        long sum = 0;
        int caught = 0;
        for (int round = 0; round < rounds; round++)
        {
            int result = Once(round);
            if (result == round)
                caught++;
            sum += result;
        }
        ulong cycles = Plat.ReadTimestampCounter() - started;
        // Before any forced collection: what the loop left behind since the last triggered one.
        long inUseAfter = GC.GetTotalMemory(false);
        long allocatedAfter = GC.GetTotalAllocatedBytes();
        int collections = GC.CollectionCount(0) - collectionsBefore;
        GC.Collect();
        long inUseCollected = GC.GetTotalMemory(false);
        Console.WriteLine("catch loop: heap before: in use " + inUseBefore.ToString() + " bytes, allocated " + allocatedBefore.ToString() + " bytes");
        Console.WriteLine("catch loop: heap after: in use " + inUseAfter.ToString() + " bytes, allocated " + allocatedAfter.ToString() + " bytes");
        Console.WriteLine("catch loop: heap after a collection: in use " + inUseCollected.ToString() + " bytes, " + collections.ToString() + " collections during the loop");
        Console.WriteLine("catch loop: " + (cycles / (ulong)rounds).ToString() + " cycles per throw and catch");
        Check(caught == rounds && sum == (long)rounds * (rounds - 1) / 2, "caught " + caught.ToString() + " of " + rounds.ToString() + " exceptions in a loop");
    }
}
