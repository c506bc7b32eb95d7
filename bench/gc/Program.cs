using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Unikraft.Bench;
using Unikraft.Bench.Gc;

// dotnet run -c Release --project bench/gc [-- --boots 3 --skip-build --host-only]
// The guest prints "bench <name> mbs .. collections .. median-us .. p99-us .. max-us .." lines;
// with --host-only this program prints the same lines for the host and stops.
var options = new List<string>(args);
int boots = options.IndexOf("--boots") is int b && b >= 0 ? int.Parse(options[b + 1]) : 3;

Console.WriteLine("host .NET " + Environment.Version + ", GC server=" + System.Runtime.GCSettings.IsServerGC + ", latency " + System.Runtime.GCSettings.LatencyMode);
var host = BenchLines.Parse(CaptureHost());
if (options.Contains("--host-only"))
    return 0;

string root = BenchProcess.FindRoot();
string project = Path.Combine(root, "bench", "gc", "guest", "gc-bench");
string elf = Path.Combine(project, "bin", "Release", "gc-bench.elf");
if (!options.Contains("--skip-build") && !BenchProcess.BuildImage(project))
    return 2;

var guestRuns = new List<Dictionary<string, Dictionary<string, double>>>();
for (int i = 0; i < boots; i++)
{
    int code = BenchProcess.Boot(elf, 64, "", 300, out string output);
    if (code != 1 || !output.Contains("bench done"))
    {
        Console.WriteLine("boot " + (i + 1) + " failed (exit " + code + "):\n" + output);
        return 1;
    }
    guestRuns.Add(BenchLines.Parse(output));
}

var guest = BenchLines.Medians(guestRuns);

double slowdown = guest["calibrate"]["ns-per-iteration"] / host["calibrate"]["ns-per-iteration"];
Console.WriteLine();
Console.WriteLine("medians of " + boots + " guest boots (QEMU TCG, -m 64M, ukgc-marksweep) and one host run; emulation slows plain code " + slowdown.ToString("0.0", CultureInfo.InvariantCulture) + "x (loads, stores and calls, no allocation)");
Console.WriteLine();
Console.WriteLine("| workload | guest MB/s | host MB/s | guest/host | guest/(host/" + slowdown.ToString("0.0", CultureInfo.InvariantCulture) + ") | guest pauses median / p99 / max (ms) | host pauses median / p99 / max (ms) | collections guest / host |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (string name in new[] { "churn", "live16" })
{
    var g = guest[name];
    var h = host[name];
    Console.WriteLine("| " + (name == "churn" ? "small-object churn" : "churn over a 16 MiB live set") + " | " + F(g["mbs"]) + " | " + F(h["mbs"]) + " | "
        + (g["mbs"] / h["mbs"]).ToString("0.000", CultureInfo.InvariantCulture) + " | " + (g["mbs"] / (h["mbs"] / slowdown)).ToString("0.00", CultureInfo.InvariantCulture) + " | "
        + Ms(g["median-us"]) + " / " + Ms(g["p99-us"]) + " / " + Ms(g["max-us"]) + " | " + Ms(h["median-us"]) + " / " + Ms(h["p99-us"]) + " / " + Ms(h["max-us"]) + " | "
        + g["collections"] + " / " + h["collections"] + " |");
}
return 0;

static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

static string Ms(double microseconds) => (microseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture);

static string CaptureHost()
{
    TextWriter console = Console.Out;
    var captured = new StringWriter();
    Console.SetOut(captured);
    var pauses = new HostPauses();
    GcWorkload.Calibrate(100_000_000);
    GcWorkload.Churn("churn", 512L * 1024 * 1024, pauses);
    GcWorkload.BuildLiveSet(16L * 1024 * 1024);
    GcWorkload.Churn("live16", 256L * 1024 * 1024, pauses);
    Console.SetOut(console);
    Console.Write(captured.ToString());
    return captured.ToString();
}
