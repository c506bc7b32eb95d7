using System;
using System.Collections.Generic;

namespace Unikraft.Bench.Sched;

// The table: one row per operation, the guest under each policy beside the Linux baseline,
// with the ratios guest/Linux, then the notes that say how to read it.
internal static class TableReport
{
    private static readonly (string Name, string Label)[] Rows =
    {
        ("call", "function call (not inlined)"),
        ("create-join", "thread create + join"),
        ("mutex", "mutex lock + unlock, uncontended"),
        ("yield", "yield to the other thread, per switch"),
        ("semaphore-handoff", "semaphore ping-pong, per handoff"),
        ("mutex-handoff", "mutex lock + unlock, two threads contending"),
        ("sleep-10us", "sleep 10 us (timer round trip)"),
    };

    public static void Print(Medians coop, Medians preempt, Medians? linux, bool kvm, int boots, int linuxRuns)
    {
        Console.WriteLine();
        Console.WriteLine("TSC cycles per operation; guest: median of " + boots + " boots per policy (each the median of its rounds), "
            + "Linux: median of " + linuxRuns + " runs; " + (kvm ? "KVM" : "QEMU TCG"));
        Console.WriteLine("| operation | guest coop | guest preempt | Linux | coop/Linux | preempt/Linux |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach ((string name, string label) in Rows)
        {
            double? c = coop.Get(name), p = preempt.Get(name), l = linux?.Get(name);
            Console.WriteLine("| " + label + " | " + Cell(c, coop, name) + " | " + Cell(p, preempt, name) + " | " + Cell(l, linux, name)
                + " | " + Ratio(c, l) + " | " + Ratio(p, l) + " |");
        }
        Console.WriteLine();
        foreach (string note in Notes(coop, preempt, linux, kvm))
            Console.WriteLine("- " + note);
    }

    private static IEnumerable<string> Notes(Medians coop, Medians preempt, Medians? linux, bool kvm)
    {
        double? hostCall = linux?.Get("call");
        if (!kvm)
        {
            yield return "The guest runs under TCG: QEMU translates every guest instruction, and the guest's TSC reads the host's, "
                + "so guest cycles are host cycles spent emulating. Privileged instructions (cli/popf, the context switch, port I/O) "
                + "cost far more under TCG than plain code, so no single factor converts guest figures to native ones.";
            if (hostCall is not null)
                yield return "Emulation factor on plain code (guest call / host call): coop " + Factor(coop.Get("call"), hostCall)
                    + ", preempt " + Factor(preempt.Get("call"), hostCall) + ".";
        }
        else if (hostCall is not null)
        {
            yield return "KVM: guest call / host call = coop " + Factor(coop.Get("call"), hostCall) + ", preempt " + Factor(preempt.Get("call"), hostCall) + ".";
        }
        yield return "Guest: Thread.Yield between two threads and ContextSwitches counted; Semaphore(0) ping-pong between two threads "
            + "(Release wakes the waiter, the releaser then blocks in its Wait); contended mutex: two threads loop Lock/Unlock on one Mutex. "
            + "Thread create+join allocates and frees a 64 KiB stack.";
        yield return "Linux: process pinned to one CPU (sched_setaffinity); sched_yield ping-pong per context switch (getrusage); "
            + "sem_t (futex) ping-pong; pthread_create+join; pthread_mutex; clock_nanosleep with the timer slack at 1 ns. "
            + "contended mutex: two threads loop lock/unlock on one pthread_mutex. Neither side's unlock hands the mutex to the waiter: the unlocker may take it again at once.";
        foreach ((string label, Medians medians) in new[] { ("coop", coop), ("preempt", preempt) })
        {
            string? timer = medians.Text("timer-interrupts");
            string? switches = medians.Text("context-switches");
            yield return label + " (" + (medians.Text("policy") ?? "?") + "): " + (switches is null ? "" : "context switches " + switches)
                + (timer is null ? "" : "; timer interrupts " + timer) + (medians.Text("sleep-10us") is string sleep && sleep.StartsWith("n/a") ? "; sleep " + sleep : "");
        }
        string? hostYield = linux?.Text("yield-switches");
        if (hostYield is not null)
            yield return "Linux yield: " + hostYield + ".";
    }

    private static string Cell(double? value, Medians? medians, string name)
    {
        if (value is double v)
            return v >= 100 ? v.ToString("#,0") : v.ToString("0.0");
        if (medians is null)
            return "-";
        string? text = medians.Text(name);
        return text is not null && text.StartsWith("n/a") ? "n/a" : "-";
    }

    private static string Ratio(double? guest, double? host) =>
        guest is double g && host is double h && h > 0 ? (g / h).ToString(g / h >= 10 ? "0" : "0.0") + "x" : "-";

    private static string Factor(double? guest, double? host) =>
        guest is double g && host is double h && h > 0 ? (g / h).ToString("0.0") + "x" : "n/a";
}
