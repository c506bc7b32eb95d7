using System;
using System.Runtime.CompilerServices;
using Uk.Alloc;
using Uk.Core;
using static ExceptionTests.Report;

namespace ExceptionTests;

// Many exceptions in a row: every one caught, and the heap figures before and after, so the
// cost per exception (and, with a collector, that the heap does not grow) can be read off.
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
        AllocatorStatistics before = Heap.Statistics;
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
        AllocatorStatistics after = Heap.Statistics;
        Console.WriteLine("catch loop: heap before: in use " + before.BytesInUse.ToString() + " bytes, allocations " + before.Allocations.ToString());
        Console.WriteLine("catch loop: heap after: in use " + after.BytesInUse.ToString() + " bytes, allocations " + after.Allocations.ToString());
        Console.WriteLine("catch loop: " + (cycles / (ulong)rounds).ToString() + " cycles per throw and catch");
        Check(caught == rounds && sum == (long)rounds * (rounds - 1) / 2, "caught " + caught.ToString() + " of " + rounds.ToString() + " exceptions in a loop");
    }
}
