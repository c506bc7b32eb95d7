using System;
using SchedBench;
using Uk.Sched;

// Scheduler micro-benchmarks in time-stamp-counter cycles, median of Measure.Rounds rounds each;
// bench/sched (the host harness) boots this image under each policy and parses the "bench" lines.
Console.WriteLine("bench policy " + Scheduler.PolicyName);
Basics.Call();
Basics.CreateJoin();
Basics.MutexUncontended();
Switches.Yield();
Switches.SemaphorePingPong();
Switches.MutexHandoff();
TimerRoundTrip.Sleep();
Console.WriteLine("bench context-switches " + Scheduler.ContextSwitches.ToString() + " preemptions " + Scheduler.Preemptions.ToString());
Console.WriteLine("bench done");
return 0;
