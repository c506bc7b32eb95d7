using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Unikraft.Bench.Boot;
using Unikraft.Bench.Net;
using Unikraft.Bench.Web;
using Unikraft.Hosting;

// bench/web: ASP.NET Core's minimal API (apps/webapi) served by Kestrel in the unikernel, by
// Kestrel in a Linux microVM (the same sources published with PublishAot for linux-x64), and
// as static files by nginx in the same microVM; all booted alternately in the same run with
// the same QEMU options and driven by the same wrk: requests/s and latency on GET /todos
// (JSON), the time from QEMU's start to the first answer, and the smallest -m at which each
// still serves. Medians of --runs boots of each.
try
{
    return Run(args);
}
catch (BenchException e)
{
    Console.Error.WriteLine("bench/web: " + e.Message);
    return 2;
}

static int Run(string[] args)
{
    int runs = 3, threads = 2, connections = 16, seconds = 10;
    string memory = "256M";
    bool skipBuild = false, probeMemory = true;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--duration": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--memory": memory = args[++i]; break;
            case "--skip-build": skipBuild = true; break;
            case "--no-memory-probe": probeMemory = false; break;
            default: throw new BenchException($"unknown argument '{args[i]}' (--runs N, --threads N, --connections N, --duration S, --memory 256M, --skip-build, --no-memory-probe)");
        }
    }
    if (ProcessRunner.Which("wrk") is null)
        throw new BenchException("wrk is not installed (apt-get install wrk)");
    string repo = RepoRoot.Find(AppContext.BaseDirectory);
    string elf = UnikernelImage(repo, skipBuild);
    Console.WriteLine("preparing the Linux microVM (Kestrel, PublishAot)");
    KestrelLinuxVm.Images linux = KestrelLinuxVm.Prepare(repo, skipBuild);
    QemuMachine unikernelBoot = GuestVm.Unikernel(elf, null);
    QemuMachine linuxBoot = GuestVm.Linux(linux.Kernel, linux.Initrd);
    Console.WriteLine("preparing nginx in the same microVM, serving the API's answers as files");
    (byte[] todos, byte[] index) = Answers(memory, unikernelBoot);
    string nginxInitrd = NginxLinuxVm.Prepare(repo, linux.Parts, todos, index);
    QemuMachine nginxBoot = GuestVm.Linux(linux.Kernel, nginxInitrd);

    var unikernel = new List<(WrkResult Wrk, double ServingSeconds)>();
    var baseline = new List<(WrkResult Wrk, double ServingSeconds)>();
    var nginx = new List<(WrkResult Wrk, double ServingSeconds)>();
    int failures = 0;
    for (int run = 1; run <= runs; run++)
    {
        Console.WriteLine($"run {run}/{runs}: unikernel (apps/webapi)");
        if (Measure(memory, unikernelBoot, threads, connections, seconds) is { } u) unikernel.Add(u); else failures++;
        Console.WriteLine($"run {run}/{runs}: Linux (Kestrel, PublishAot)");
        if (Measure(memory, linuxBoot, threads, connections, seconds) is { } l) baseline.Add(l); else failures++;
        Console.WriteLine($"run {run}/{runs}: Linux (nginx, the same answers as files)");
        if (Measure(memory, nginxBoot, threads, connections, seconds) is { } n) nginx.Add(n); else failures++;
    }
    int? unikernelMemory = null, linuxMemory = null, nginxMemory = null;
    if (probeMemory)
    {
        Console.WriteLine("searching the smallest -m at which each serves (8..256 MiB)");
        unikernelMemory = SmallestMemory(unikernelBoot, "unikernel");
        linuxMemory = SmallestMemory(linuxBoot, "Linux Kestrel");
        nginxMemory = SmallestMemory(nginxBoot, "Linux nginx");
    }

    Console.WriteLine();
    Console.WriteLine($"wrk -t{threads} -c{connections} -d{seconds}s --latency on GET /todos (JSON), -m {memory}, virtio-net-pci on slirp with hostfwd, TCG;");
    Console.WriteLine($"medians of {unikernel.Count} unikernel / {baseline.Count} Kestrel / {nginx.Count} nginx boots; unikernel: apps/webapi ({new FileInfo(elf).Length / 1024} KiB ELF); Linux: the same sources, PublishAot ({linux.BinaryBytes / 1024} KiB binary), and nginx serving the same answers as files");
    Console.WriteLine("| figure | unikernel | Kestrel on Linux | nginx on Linux | unikernel/Kestrel | unikernel/nginx |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Row("requests/s", unikernel, baseline, nginx, s => s.Wrk.RequestsPerSecond, "0", higherIsBetter: true);
    Row("latency p50 (ms)", unikernel, baseline, nginx, s => s.Wrk.P50, "0.00", higherIsBetter: false);
    Row("latency p99 (ms)", unikernel, baseline, nginx, s => s.Wrk.P99, "0.00", higherIsBetter: false);
    Row("errors", unikernel, baseline, nginx, s => s.Wrk.Errors, "0", higherIsBetter: null);
    Row("QEMU start to first answer (s)", unikernel, baseline, nginx, s => s.ServingSeconds, "0.00", higherIsBetter: false);
    Console.WriteLine($"| smallest -m that serves (MiB) | {MiB(unikernelMemory, probeMemory)} | {MiB(linuxMemory, probeMemory)} | {MiB(nginxMemory, probeMemory)} | {Ratio(linuxMemory, unikernelMemory)} | {Ratio(nginxMemory, unikernelMemory)} |");
    return failures == 0 ? 0 : 1;
}

static string UnikernelImage(string repo, bool skipBuild)
{
    string project = Path.Combine(repo, "apps", "webapi");
    if (!skipBuild)
    {
        Console.WriteLine("building apps/webapi (Release)");
        ProcessRunner.Result build = ProcessRunner.Run("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q", "-p:UkBuildIso=false"]);
        if (build.ExitCode != 0)
            throw new BenchException("apps/webapi build failed:\n" + build.StdOut + build.StdErr);
    }
    string elf = Path.Combine(project, "bin", "dotnet", "Release", "webapi.elf");
    return File.Exists(elf) ? elf : throw new BenchException($"no {elf} after the build");
}

// One boot: the time until GET / answers 200, a short warm-up, then wrk on the API.
static (WrkResult, double)? Measure(string memory, QemuMachine boot, int threads, int connections, int seconds)
{
    using GuestVm vm = GuestVm.Start(memory, NetDevice.Virtio, boot);
    if (!vm.WaitServing(TimeSpan.FromMinutes(3), out TimeSpan took))
    {
        Console.WriteLine($"  not serving after {took.TotalSeconds:0}s; last lines:\n" + vm.LastLines(10));
        return null;
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  serving after {took.TotalSeconds:0.00}s (boot included)"));
    WrkResult.Run(vm.Port, threads, connections, 2, path: "/todos");
    WrkResult wrk = WrkResult.Run(vm.Port, threads, connections, seconds, path: "/todos");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrk: {wrk.RequestsPerSecond:0} req/s, p50 {wrk.P50:0.00} ms, p99 {wrk.P99:0.00} ms, {wrk.Errors} errors of {wrk.Requests}"));
    return (wrk, took.TotalSeconds);
}

static string MiB(int? value, bool probed) => !probed ? "-" : value is int v ? v.ToString(CultureInfo.InvariantCulture) : ">256";

// The smallest -m (MiB, between 8 and 256) at which the guest answers GET / within a minute
// (null when 256 does not); assumes serving is monotonic in memory.
static int? SmallestMemory(QemuMachine boot, string name)
{
    bool Serves(int mib)
    {
        using GuestVm vm = GuestVm.Start(mib.ToString(CultureInfo.InvariantCulture) + "M", NetDevice.Virtio, boot);
        bool ok = vm.WaitServing(TimeSpan.FromSeconds(60), out _);
        Console.WriteLine($"  {name} -m {mib}M: {(ok ? "serves" : "does not serve")}");
        return ok;
    }
    int low = 8, high = 256;
    if (!Serves(high))
        return null;
    while (low < high)
    {
        int middle = low + (high - low) / 2;
        if (Serves(middle)) high = middle; else low = middle + 1;
    }
    return high;
}

// Above 1 means the unikernel does better (more requests, less latency, less memory).
static void Row(string name, List<(WrkResult Wrk, double ServingSeconds)> unikernel, List<(WrkResult Wrk, double ServingSeconds)> kestrel,
    List<(WrkResult Wrk, double ServingSeconds)> nginx, Func<(WrkResult Wrk, double ServingSeconds), double> figure, string format, bool? higherIsBetter)
{
    double? u = Median(unikernel.Select(figure));
    double? k = Median(kestrel.Select(figure));
    double? n = Median(nginx.Select(figure));
    Console.WriteLine($"| {name} | {Text(u, format)} | {Text(k, format)} | {Text(n, format)} | {FigureRatio(u, k, higherIsBetter)} | {FigureRatio(u, n, higherIsBetter)} |");
}

static string FigureRatio(double? unikernel, double? other, bool? higherIsBetter) =>
    unikernel is double a && other is double b && higherIsBetter is bool higher && a > 0 && b > 0
        ? (higher ? a / b : b / a).ToString("0.00", CultureInfo.InvariantCulture) + "x"
        : "-";

static string Ratio(int? other, int? unikernel) =>
    other is int o && unikernel is int u && u > 0 ? ((double)o / u).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";

// What apps/webapi answers on GET /todos and GET /, for nginx to serve as files.
static (byte[] Todos, byte[] Index) Answers(string memory, QemuMachine unikernelBoot)
{
    using GuestVm vm = GuestVm.Start(memory, NetDevice.Virtio, unikernelBoot);
    if (!vm.WaitServing(TimeSpan.FromMinutes(3), out _))
        throw new BenchException("apps/webapi does not serve; last lines:\n" + vm.LastLines(10));
    using var http = new System.Net.Http.HttpClient();
    byte[] todos = http.GetByteArrayAsync($"http://127.0.0.1:{vm.Port}/todos").GetAwaiter().GetResult();
    byte[] index = http.GetByteArrayAsync($"http://127.0.0.1:{vm.Port}/").GetAwaiter().GetResult();
    return (todos, index);
}

static string Text(double? value, string format) => value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

static double? Median(IEnumerable<double> figures)
{
    double[] values = figures.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
    if (values.Length == 0) return null;
    return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
}
