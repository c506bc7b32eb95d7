using System;
using System.IO;

namespace Unikraft.Bench.Sched;

// dotnet run -c Release --project bench/sched [-- --boots 5] [--linux-runs 5] [--skip-build]
// Builds bench/sched/guest/{coop,preempt}, boots each --boots times in QEMU (TCG; UK_KVM=1 adds
// -enable-kvm -cpu host), runs linux/schedbench.c on the host, and prints the table.
// Exit codes: 0 all runs worked, 1 some guest boot failed, 2 the benchmark could not run.
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            int boots = 5, linuxRuns = 5;
            bool skipBuild = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--boots": boots = PositiveCount(args, ++i); break;
                    case "--linux-runs": linuxRuns = PositiveCount(args, ++i); break;
                    case "--skip-build": skipBuild = true; break;
                    default: throw new BenchException("unknown argument '" + args[i] + "' (--boots N, --linux-runs N, --skip-build)");
                }
            }
            return Run(RepositoryRoot(), boots, linuxRuns, skipBuild);
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine("sched bench: " + e.Message);
            return 2;
        }
    }

    private static int Run(string root, int boots, int linuxRuns, bool skipBuild)
    {
        if (!ProcessRunner.OnPath("qemu-system-x86_64"))
            throw new BenchException("qemu-system-x86_64 is not on PATH (apt-get install qemu-system-x86, or dotnet pwsh ./build.ps1 setup)");
        bool kvm = Environment.GetEnvironmentVariable("UK_KVM") == "1";
        var coop = new GuestImage("coop", "coop", "sched-bench-coop");
        var preempt = new GuestImage("preempt", "preempt", "sched-bench-preempt");
        if (!skipBuild)
        {
            coop.Build(root);
            preempt.Build(root);
        }
        // Alternating the images spreads any change in the host's load over both.
        Console.WriteLine("booting each image " + boots + " times, alternately (" + (kvm ? "KVM" : "TCG") + ")");
        for (int boot = 1; boot <= boots; boot++)
        {
            coop.Boot(root, boot, kvm);
            preempt.Boot(root, boot, kvm);
        }
        Medians coopFigures = coop.Figures, preemptFigures = preempt.Figures;
        Medians? linux = LinuxBaseline.Run(root, linuxRuns);
        if (coopFigures.Runs == 0 && preemptFigures.Runs == 0)
            throw new BenchException("no guest boot finished");
        TableReport.Print(coopFigures, preemptFigures, linux, kvm, boots, linuxRuns);
        int failures = coop.Failures.Count + preempt.Failures.Count;
        if (failures > 0)
            Console.WriteLine("- " + failures + " guest boot(s) failed and are left out of the medians (their last lines are above).");
        return failures > 0 ? 1 : 0;
    }

    private static int PositiveCount(string[] args, int index)
    {
        if (index >= args.Length || !int.TryParse(args[index], out int count) || count < 1)
            throw new BenchException(args[index - 1] + " needs a positive number");
        return count;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "global.json")))
                return directory.FullName;
        }
        throw new BenchException("run the benchmark inside the repository");
    }
}
