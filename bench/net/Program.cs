using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Unikraft.Bench.Boot;
using Unikraft.Bench.Net;

// bench/net: HTTP requests/s and latency (wrk) and guest-to-host bulk TCP throughput, for
// apps/httpserver and for a Linux microVM running busybox httpd, booted alternately in the
// same run with the same QEMU options; medians of --runs boots of each.
try
{
    return Run(args);
}
catch (BenchException e)
{
    Console.Error.WriteLine("bench/net: " + e.Message);
    return 2;
}

static int Run(string[] args)
{
    int runs = 3, threads = 2, connections = 16, seconds = 10, bulkMegabytes = 32;
    string memory = "256M", bulkPath = "/big", device = NetDevice.Virtio;
    bool skipBuild = false, linuxOnly = false;
    int soakMinutes = 0;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--duration": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--bulk-mb": bulkMegabytes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--bulk-path": bulkPath = args[++i]; break;
            case "--memory": memory = args[++i]; break;
            case "--skip-build": skipBuild = true; break;
            case "--linux-only": linuxOnly = true; break;
            case "--device": device = NetDevice.Check(args[++i]); break;
            case "--soak": soakMinutes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            default: throw new BenchException($"unknown argument '{args[i]}' (--runs N, --threads N, --connections N, --duration S, --bulk-mb MB, --bulk-path /PATH, --memory 256M, --skip-build, --linux-only, --device {NetDevice.Names}, --soak MINUTES)");
        }
    }
    if (soakMinutes < 0 || soakMinutes > 24 * 60)
        throw new BenchException($"--soak {soakMinutes}: minutes from 1 to 1440");
    if (ProcessRunner.Which("wrk") is null)
        throw new BenchException("wrk is not installed (apt-get install wrk)");
    string repo = RepoRoot.Find(AppContext.BaseDirectory);
    if (soakMinutes > 0)
    {
        (string Elf, string Append, string Name) soaked = UnikernelImage(repo, device, skipBuild, bulkMegabytes);
        if (!soaked.Append.StartsWith("--", StringComparison.Ordinal))
            throw new BenchException("--soak needs apps/httpserver");
        return Soak.Run(soaked.Elf, memory, device, soakMinutes) ? 0 : 1;
    }

    (string Elf, string Append, string Name)? guest = linuxOnly ? null : UnikernelImage(repo, device, skipBuild, bulkMegabytes);
    Console.WriteLine("preparing the Linux microVM");
    LinuxHttpVm.Images linux = LinuxHttpVm.Prepare(repo, device, IndexPage.Bytes, bulkMegabytes);

    var unikernel = new List<Sample>();
    var baseline = new List<Sample>();
    int failures = 0;
    for (int run = 1; run <= runs; run++)
    {
        if (guest is { } g)
        {
            Console.WriteLine($"run {run}/{runs}: unikernel ({g.Name})");
            Sample? s = Measure(memory, device, GuestVm.Unikernel(g.Elf, g.Append), threads, connections, seconds, bulkPath, -1, IdleConnections.UnikernelHeapInUse);
            if (s is null) failures++; else unikernel.Add(s);
        }
        Console.WriteLine($"run {run}/{runs}: Linux (busybox httpd)");
        Sample? l = Measure(memory, device, GuestVm.Linux(linux.Kernel, linux.Initrd), threads, connections, seconds, "/big", (long)bulkMegabytes << 20, IdleConnections.LinuxMemoryInUse);
        if (l is null) failures++; else baseline.Add(l);
    }

    Report.Print(unikernel, baseline, guest?.Name, threads, connections, seconds, bulkMegabytes, memory, device);
    return failures == 0 ? 0 : 1;
}

// apps/httpserver (Release) when the tree has it (on an Intel NIC its sources over the e1000
// library, tests/apps/http-e1000); until then tests/apps/net-hostile's "serve" mode (HTTP/1.0
// on netstack + TCP directly, the same 612-byte page and GET /big).
static (string Elf, string Append, string Name) UnikernelImage(string repo, string device, bool skipBuild, int bulkMegabytes)
{
    string folder = NetDevice.UnikernelProject(device);
    string project = Path.Combine(repo, folder);
    // busybox httpd gives a request head 60 s (HEADER_READ_TIMEOUT): httpserver the same,
    // so the idle connections of the memory row are still open when it is read.
    string append = "-- head-timeout-ms=60000";
    string name = folder;
    if (!Directory.Exists(project))
    {
        project = Path.Combine(repo, "tests", "apps", "net-hostile");
        append = "serve=" + bulkMegabytes.ToString(CultureInfo.InvariantCulture);
        name = "tests/apps/net-hostile serve";
        Console.WriteLine("apps/httpserver is not in this tree: the unikernel side is " + name);
    }
    const string configuration = "Release";
    if (!skipBuild)
    {
        Console.WriteLine($"building {name} ({configuration})");
        ProcessRunner.Result build = ProcessRunner.Run("dotnet", ["build", project, "-c", configuration, "-nologo", "-v", "q"]);
        if (build.ExitCode != 0)
            throw new BenchException(name + " build failed:\n" + build.StdOut + build.StdErr);
    }
    string bin = Path.Combine(project, "bin", configuration);
    string? elf = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "*.elf", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;
    return (elf ?? throw new BenchException($"no .elf under {bin} after the build"), append, name);
}

// One boot: wait until GET / answers, a short warm-up, wrk, wrk with a connection per request,
// memory per idle connection, then the bulk download.
static Sample? Measure(string memory, string device, Unikraft.Hosting.QemuMachine boot, int threads, int connections, int seconds, string bulkPath, long bulkBytes, Func<int, long?> memoryInUse)
{
    using GuestVm vm = GuestVm.Start(memory, device, boot);
    if (!vm.WaitServing(TimeSpan.FromMinutes(3), out TimeSpan took))
    {
        Console.WriteLine($"  not serving after {took.TotalSeconds:0}s; last lines:\n" + vm.LastLines(10));
        return null;
    }
    Console.WriteLine($"  serving after {took.TotalSeconds:0.0}s (boot included)");
    WrkResult.Run(vm.Port, threads, connections, 2);
    WrkResult wrk = WrkResult.Run(vm.Port, threads, connections, seconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrk: {wrk.RequestsPerSecond:0} req/s, p50 {wrk.P50:0.00} ms, p90 {wrk.P90:0.00} ms, p99 {wrk.P99:0.00} ms, {wrk.Errors} errors of {wrk.Requests}"));
    WrkResult close = WrkResult.Run(vm.Port, threads, connections, seconds, "Connection: close");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrk, Connection: close: {close.RequestsPerSecond:0} new connections/s, p99 {close.P99:0.00} ms, {close.Errors} errors of {close.Requests}"));
    double? idle = IdleConnections.KiBPerConnection(vm.Port, memoryInUse);
    Console.WriteLine(idle is null ? "  idle connections: memory not read" : string.Create(CultureInfo.InvariantCulture, $"  {IdleConnections.Count} idle connections: {idle:0.0} KiB each"));
    double? bulk = BulkDownload.Run(vm.Port, bulkPath, bulkBytes);
    Console.WriteLine(bulk is null ? $"  bulk GET {bulkPath}: not served in full" : string.Create(CultureInfo.InvariantCulture, $"  bulk GET {bulkPath}: {bulk:0.0} MiB/s"));
    return new Sample(wrk, close, bulk, idle);
}
