using System;
using ExceptionTests;

// Usage (kernel command line): a case name, or "all" (the default) for every case that ends
// well. "gc" runs the cases where collections happen during dispatch. "loop [rounds]" catches exceptions in a loop; "uncaught", "uncaught-delegate" and
// "uncaught-thread" throw an exception nothing catches and end in a panic.
string mode = args.Length > 0 ? args[0] : "all";
switch (mode)
{
    case "all":
        ManagedThrows.Run();
        RuntimeRaised.Run();
        Patterns.Run();
        ThreadCases.Run();
        break;
    case "managed":
        ManagedThrows.Run();
        break;
    case "runtime":
        RuntimeRaised.Run();
        break;
    case "patterns":
        Patterns.Run();
        break;
    case "threads":
        ThreadCases.Run();
        break;
    case "gc":
        // The heap is exhausted first, before anything else has thrown in this boot.
        Exhaustion.Run();
        ThrowWhileCollecting.Run();
        ParkedInDispatch.Run();
        PatternsWhileCollecting.Run();
        FaultsWhileCollecting.Run();
        break;
    case "loop":
        CatchLoop.Run(args.Length > 1 ? int.Parse(args[1]) : 100_000);
        break;
    case "uncaught":
        Uncaught.ThrowPastAFinally();
        Console.WriteLine("unreachable: the exception was caught");
        return 0;
    case "uncaught-delegate":
        Uncaught.ThroughADelegate();
        return 0;
    case "uncaught-thread":
        Uncaught.OnAThread();
        Console.WriteLine("unreachable: the exception was caught");
        return 0;
    default:
        Console.WriteLine("unknown case '" + mode + "'");
        return 2;
}
Console.WriteLine(Report.Failures == 0 ? "all cases passed" : Report.Failures.ToString() + " cases failed");
return Report.Failures == 0 ? 0 : 1;
