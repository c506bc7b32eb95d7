using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Unikraft.Bench;
using Unikraft.Bench.Bcl;
using Unikraft.Bench.Gc;

// dotnet run -c Release --project bench/bcl [-- --boots 3 --seconds 2 --skip-build --host-only]
// The guest and this program print "bench <name> ops-per-s <rate> check <value>" lines for the
// same workloads; the table divides the host's rates by the emulation factor (bench/gc's
// calibration loop) before comparing.
var options = new List<string>(args);
int boots = options.IndexOf("--boots") is int b && b >= 0 ? int.Parse(options[b + 1], CultureInfo.InvariantCulture) : 3;
double seconds = options.IndexOf("--seconds") is int s && s >= 0 ? double.Parse(options[s + 1], CultureInfo.InvariantCulture) : 2.0;
string[] workloads = ["linq", "dictionary", "format", "stringbuilder", "alloc"];

Console.WriteLine("host .NET " + Environment.Version + " (workstation GC, tiered compilation off)");
var hostOutput = new StringWriter();
TextWriter console = Console.Out;
Console.SetOut(hostOutput);
GcWorkload.Calibrate(100_000_000);
BclWorkload.RunAll(seconds);
Console.SetOut(console);
Console.Write(hostOutput.ToString());
var host = BenchLines.Parse(hostOutput.ToString());
if (options.Contains("--host-only"))
    return 0;

string root = BenchProcess.FindRoot();
string project = Path.Combine(root, "bench", "bcl", "guest", "bcl-bench");
string elf = Path.Combine(project, "bin", "dotnet", "Release", "bcl-bench.elf");
if (!options.Contains("--skip-build") && !BenchProcess.BuildImage(project))
    return 2;

var guestRuns = new List<Dictionary<string, Dictionary<string, double>>>();
for (int i = 0; i < boots; i++)
{
    Console.WriteLine("boot " + (i + 1) + " of " + boots);
    int code = BenchProcess.Boot(elf, 64, "-- " + seconds.ToString(CultureInfo.InvariantCulture), 300, out string output);
    if (code != 1 || !output.Contains("bench done"))
    {
        Console.WriteLine("boot " + (i + 1) + " failed (exit " + code + "):\n" + output);
        return 1;
    }
    guestRuns.Add(BenchLines.Parse(output));
}
var guest = BenchLines.Medians(guestRuns);

foreach (string name in workloads)
{
    if (guest[name]["check"] != host[name]["check"])
    {
        Console.WriteLine("workload " + name + " computed " + guest[name]["check"] + " in the guest but " + host[name]["check"] + " on the host: not the same work");
        return 1;
    }
}

double slowdown = guest["calibrate"]["ns-per-iteration"] / host["calibrate"]["ns-per-iteration"];
string factor = slowdown.ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("medians of " + boots + " guest boots (QEMU TCG, -m 64M, dotnet library, ukgc-marksweep) and one host run; emulation slows plain code " + factor + "x (bench/gc's calibration loop)");
Console.WriteLine("target: guest/(host/" + factor + ") >= 0.50, i.e. within 2x of host .NET once emulation is divided out");
Console.WriteLine();
Console.WriteLine("| workload | guest ops/s | host ops/s | guest/host | guest/(host/" + factor + ") |");
Console.WriteLine("|---|---|---|---|---|");
foreach (string name in workloads)
{
    double g = guest[name]["ops-per-s"];
    double h = host[name]["ops-per-s"];
    Console.WriteLine("| " + name + " | " + g.ToString("0", CultureInfo.InvariantCulture) + " | " + h.ToString("0", CultureInfo.InvariantCulture) + " | "
        + (g / h).ToString("0.000", CultureInfo.InvariantCulture) + " | " + (g / (h / slowdown)).ToString("0.00", CultureInfo.InvariantCulture) + " |");
}
return 0;
