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

    // A driver's interrupt handler that faults: the panic must say it happened in a handler
    // and name the handler. IRQ 5 is routed to vector 0x30 + 5 by the I/O APIC on QEMU's PC;
    // a self-IPI on that vector runs the handler as the device's interrupt would.
    public static void FaultInInterruptHandler()
    {
        Uk.Core.Interrupts.Register(5, () => WriteThroughNullInHandler(7));
        *(uint*)0xFEE00300 = (1u << 18) | 0x35;
        Thread.SleepMilliseconds(100);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteThroughNullInHandler(int value)
    {
        int* nowhere = (int*)(nuint)(uint)(value - 7 + 24);
        *nowhere = value;
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
