using System;
using SchedTests;

// Usage (kernel command line): a scenario name, or none for every scenario that ends well.
// "overflow" and "fault" end in a panic; "idle" sleeps for the given seconds; "spin" shows
// whether a thread that never yields is preempted.
string mode = args.Length > 0 ? args[0] : "all";
switch (mode)
{
    case "all":
        Scenarios.PingPong();
        Scenarios.ProducerConsumer();
        Scenarios.SleepOrder();
        Scenarios.MutexCounter();
        Scenarios.MutexUnderPreemption();
        Scenarios.CreateJoinMany();
        Scenarios.Events();
        Scenarios.Timeouts();
        Scenarios.EarlyWakeups();
        BclThreading.Run();
        SpuriousInterrupts.Run();
        Console.WriteLine(Report.Failures == 0 ? "all scenarios passed" : Report.Failures.ToString() + " scenario checks failed");
        return Report.Failures == 0 ? 0 : 1;
    case "spin":
        Scenarios.Spin();
        return 0;
    case "fairness":
        Scenarios.Fairness();
        return 0;
    case "sleep":
        Scenarios.SleepOneSecond();
        return 0;
    case "idle":
        Scenarios.Idle(args.Length > 1 ? int.Parse(args[1]) : 5);
        return 0;
    case "overflow":
        Faults.OverflowInThread();
        return 0;
    case "fault":
        Faults.NullWriteInThread();
        return 0;
    case "irq":
        SerialInterrupts.ReadLine();
        return 0;
    case "irq-fault":
        Faults.FaultInInterruptHandler();
        return 0;
    case "priority":
        Scenarios.Priorities();
        return Report.Failures == 0 ? 0 : 1;
    default:
        Console.WriteLine("unknown scenario '" + mode + "'");
        return 2;
}
