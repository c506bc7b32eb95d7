using System;
using Uk.Core;
using Uk.Sched;

namespace SchedTests;

// A minimal interrupt-driven serial reader, as a driver would write one: the handler drains
// the UART's receive register and wakes the thread waiting for a whole line.
internal static class SerialInterrupts
{
    private const ushort Com1 = 0x3F8;
    private const int Com1Irq = 4;

    public static void ReadLine()
    {
        var line = new char[128];
        int length = 0;
        int interrupts = 0;
        var lineDone = new Event(autoReset: true);
        Interrupts.Register(Com1Irq, () =>
        {
            interrupts++;
            while ((PortIo.Read8(Com1 + 5) & 0x01) != 0)
            {
                char c = (char)PortIo.Read8(Com1);
                if (c == '\n')
                    lineDone.Set();
                else if (length < line.Length)
                    line[length++] = c;
            }
        });
        PortIo.Write8(Com1 + 1, 0x01); // interrupt when a byte arrives
        PortIo.Write8(Com1 + 4, 0x0B); // DTR, RTS, OUT2: OUT2 connects the UART to its IRQ line
        Console.WriteLine("irq: ready");
        bool complete = lineDone.Wait(Clock.Monotonic + 30 * Clock.NanosecondsPerSecond);
        Console.WriteLine((complete ? "irq: received '" : "irq: timed out after '") + new string(line, 0, length) + "' on IRQ 4 through the "
            + Interrupts.Controller!.Name + ", " + interrupts.ToString() + " interrupts, " + Interrupts.SpuriousCount.ToString() + " spurious");
    }
}

// Interrupts nobody asked for: self-IPIs on a vector no driver registered must be counted
// as spurious, acknowledged, and leave the machine running (the timer still wakes sleepers).
internal static unsafe class SpuriousInterrupts
{
    private const ulong LocalApicIcrLow = 0xFEE00300;
    private const uint FixedToSelf = 1u << 18;
    private const int UnclaimedVector = 0x3F;

    public static void Run()
    {
        ulong before = Interrupts.SpuriousCount;
        for (int i = 0; i < 3; i++)
        {
            *(uint*)LocalApicIcrLow = FixedToSelf | UnclaimedVector;
            Uk.Sched.Thread.SleepMilliseconds(1);
        }
        ulong counted = Interrupts.SpuriousCount - before;
        long start = Clock.Monotonic;
        Uk.Sched.Thread.SleepMilliseconds(10);
        bool timerWorks = Clock.Monotonic - start >= 10 * Clock.NanosecondsPerMillisecond;
        Report.Check(counted == 3 && timerWorks, "spurious: " + counted.ToString() + " of 3 unclaimed interrupts counted, timer " + (timerWorks ? "still works" : "stopped"));
    }
}
