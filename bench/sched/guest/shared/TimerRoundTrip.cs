using System;
using Uk.Core;
using Uk.Sched;

namespace SchedBench;

// The timer round trip: main sleeps until a deadline SleepMicroseconds after now, with nothing
// else to run, so the CPU halts until the one-shot timer fires and the scheduler resumes main.
// Reported in cycles from before the sleep call to after it (the sleep length included), with
// the timer interrupts taken per sleep.
internal static class TimerRoundTrip
{
    public const long SleepMicroseconds = 10;
    private const int Sleeps = 20;

    public static void Sleep()
    {
        string name = "sleep-" + SleepMicroseconds.ToString() + "us";
        if (!Timer.IsAvailable || !Clock.IsAvailable)
        {
            Measure.NotAvailable(name, "no timer or clock in this image");
            return;
        }
        Console.WriteLine("bench tsc-hz " + Clock.CyclesPerSecond.ToString());
        var cycles = new ulong[Measure.Rounds];
        ulong interruptsBefore = Timer.Interrupts;
        for (int round = 0; round < Measure.Rounds; round++)
        {
            ulong start = Measure.Now();
            for (int i = 0; i < Sleeps; i++)
                Scheduler.SleepUntil(Clock.Monotonic + SleepMicroseconds * 1000);
            cycles[round] = Measure.Now() - start;
        }
        ulong interrupts = Timer.Interrupts - interruptsBefore;
        Measure.Report(name, cycles, Sleeps);
        const ulong Total = Measure.Rounds * Sleeps;
        Console.WriteLine("bench timer-interrupts " + Measure.Tenths((interrupts * 10 + Total / 2) / Total) + " per sleep ("
            + interrupts.ToString() + " in " + Total.ToString() + " sleeps), " + Timer.Interrupts.ToString() + " since boot");
    }
}
