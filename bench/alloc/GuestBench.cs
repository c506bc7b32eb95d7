using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Unikraft.Hosting;

namespace Unikraft.Bench.Alloc;

// The same allocators inside the guest: tests/apps/alloc-<name> built in Release and booted
// with `-append bench` at 32 MiB, 512 MiB and 3 GiB. The guest reports time-stamp-counter
// cycles for its allocator's set-up, the page-table set-up and alloc+free pairs.
internal static class GuestBench
{
    private static readonly string[] Allocators = { "buddy", "tlsf", "region" };
    private static readonly int[] MemoryMiB = { 32, 512, 3072 };
    private const int Runs = 3;

    public static int Run(string repositoryRoot)
    {
        var rows = new List<(string Name, double PairCycles, double[] InitCycles, double[] PagingCycles)>();
        foreach (string allocator in Allocators)
        {
            string project = Path.Combine(repositoryRoot, "tests", "apps", "alloc-" + allocator);
            Console.WriteLine("building " + project + " (Release)");
            HostProcessResult build = HostProcess.Run("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], TimeSpan.FromMinutes(10));
            string buildOutput = build.Output;
            if (build.ExitCode != 0)
            {
                Console.WriteLine(buildOutput);
                return 1;
            }
            string elf = Path.Combine(project, "bin", "Release", "alloc-" + allocator + ".elf");
            var pairs = new List<double>();
            var init = new double[MemoryMiB.Length];
            var paging = new double[MemoryMiB.Length];
            for (int m = 0; m < MemoryMiB.Length; m++)
            {
                var initRuns = new List<double>();
                var pagingRuns = new List<double>();
                for (int run = 0; run < Runs; run++)
                {
                    string serial = Boot(elf, MemoryMiB[m]);
                    initRuns.Add(Cycles(serial, @"alloc: .* set up in (\d+) cycles"));
                    pagingRuns.Add(Cycles(serial, @"paging: .* tables in (\d+) cycles"));
                    pairs.Add(Cycles(serial, @"bench pairs: .*, (\d+) per pair"));
                }
                init[m] = Median(initRuns);
                paging[m] = Median(pagingRuns);
                Console.WriteLine("  ukalloc" + allocator + " -m " + MemoryMiB[m] + "M: set-up " + init[m] + " cycles, page tables " + paging[m] + " cycles");
            }
            rows.Add(("ukalloc" + allocator, Median(pairs), init, paging));
        }

        double baseline = rows[0].PairCycles;
        Console.WriteLine();
        Console.WriteLine("guest (QEMU TCG), TSC cycles, medians of " + Runs + " boots per size:");
        Console.WriteLine("| allocator | cycles per alloc+free pair | ratio to buddy | set-up 32M | set-up 512M | set-up 3G | page tables 32M | page tables 512M | page tables 3G |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
            Console.WriteLine("| " + row.Name + " | " + row.PairCycles.ToString("0") + " | " + (baseline / row.PairCycles).ToString("0.00") + "x | "
                + string.Join(" | ", Array.ConvertAll(row.InitCycles, Kilo)) + " | " + string.Join(" | ", Array.ConvertAll(row.PagingCycles, Kilo)) + " |");
        return 0;
    }

    private static string Boot(string elf, int memoryMiB)
    {
        // QemuMachine: the command line uk and the tests boot images with (UK_KVM=1 opts in to KVM).
        var machine = new QemuMachine { Kernel = elf, KernelCommandLine = "bench", MemoryMiB = memoryMiB };
        HostProcessResult run = HostProcess.Run(QemuMachine.Executable, machine.ToArguments(), TimeSpan.FromSeconds(120));
        if (run.TimedOut)
            throw new TimeoutException("QEMU did not finish in 120 s at -m " + memoryMiB + "M:\n" + run.Output);
        if (run.ExitCode != 1)
            throw new InvalidOperationException("guest exit " + run.ExitCode + " at -m " + memoryMiB + "M:\n" + run.Output);
        return run.Output;
    }

    private static double Cycles(string serial, string pattern)
    {
        Match match = Regex.Match(serial, pattern);
        if (!match.Success)
            throw new InvalidOperationException("no line matching '" + pattern + "' in:\n" + serial);
        return double.Parse(match.Groups[1].Value);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Kilo(double cycles) => (cycles / 1000).ToString("0") + " k";
}
