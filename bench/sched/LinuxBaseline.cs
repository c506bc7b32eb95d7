using System;
using System.IO;

namespace Unikraft.Bench.Sched;

// The host baseline: linux/schedbench.c compiled with gcc -O2 -pthread into obj/linux/ on every
// run and run several times; it prints the guest's "bench" line format.
internal static class LinuxBaseline
{
    public static Medians? Run(string root, int runs)
    {
        string source = Path.Combine(root, "bench", "sched", "linux", "schedbench.c");
        string output = Path.Combine(root, "bench", "sched", "obj", "linux");
        string program = Path.Combine(output, "schedbench");
        if (!ProcessRunner.OnPath("gcc"))
        {
            Console.WriteLine("gcc is not on PATH: no Linux baseline (apt-get install gcc)");
            return null;
        }
        Directory.CreateDirectory(output);
        Console.WriteLine("compiling " + source + " (gcc -O2 -pthread)");
        ProcessRunner.Result compile = ProcessRunner.Run("gcc", new[] { "-O2", "-pthread", "-Wall", "-Wextra", source, "-o", program }, TimeSpan.FromMinutes(2));
        if (compile.ExitCode != 0)
            throw new BenchException("gcc failed:\n" + compile.Output);
        var medians = new Medians();
        for (int run = 1; run <= runs; run++)
        {
            ProcessRunner.Result result = ProcessRunner.Run(program, Array.Empty<string>(), TimeSpan.FromMinutes(2));
            BenchLines lines = BenchLines.Parse(result.Output);
            if (result.ExitCode != 0 || !lines.Done)
                throw new BenchException("the Linux baseline failed (exit " + result.ExitCode + "):\n" + BenchLines.Tail(result.Output, 12));
            medians.Add(lines);
            Console.WriteLine("  linux run " + run + ": yield " + lines.Figures["yield"].ToString("0") + ", semaphore handoff " + lines.Figures["semaphore-handoff"].ToString("0") + " cycles");
        }
        return medians;
    }
}
