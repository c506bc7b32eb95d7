using System;
using System.Runtime.CompilerServices;
using Uk.Sched;
using Thread = Uk.Sched.Thread;

namespace SchedTests;

internal static unsafe class Faults
{
    public static void OverflowInThread()
    {
        Thread thread = Thread.Start(() => Console.WriteLine("unreachable: recursion ended at depth " + RecurseForever(1).ToString()), "recursor");
        thread.Join();
    }

    public static void NullWriteInThread()
    {
        Thread thread = Thread.Start(() => WriteThroughNull(42), "faulter");
        thread.Join();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RecurseForever(int depth)
    {
        Span<byte> frame = stackalloc byte[256];
        frame[depth & 255] = (byte)depth;
        return RecurseForever(depth + 1) + frame[(depth + 1) & 255];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteThroughNull(int value)
    {
        int* nowhere = (int*)(nuint)(uint)(value - 42 + 16);
        *nowhere = value;
    }
}
