using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Unikraft.Bench.Blk;
using Unikraft.Bench.Boot;
using Unikraft.Hosting;

// bench/blk: 4 KiB sequential and random reads and writes, one request at a time, by the
// unikernel (guest/, guest-nvme/, guest-ahci/) and by a Linux microVM (linux/blkbench.c, O_DIRECT) on the
// same kind of disk image with the same QEMU options, alternating boots in the same run;
// once per emulated disk controller (virtio-blk, NVMe, AHCI).
try
{
    return Run(args);
}
catch (BenchException e)
{
    Console.Error.WriteLine("bench/blk: " + e.Message);
    return 2;
}

static int Run(string[] args)
{
    int runs = 3;
    long sequential = 4096;
    long random = 2048;
    bool skipBuild = false;
    string[] wanted = ["virtio-blk", "nvme", "ahci"];
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--sequential": sequential = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--random": random = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--skip-build": skipBuild = true; break;
            case "--devices": wanted = args[++i].Split(','); break;
            default: throw new BenchException($"unknown argument '{args[i]}' (--runs N, --sequential OPS, --random OPS, --devices virtio-blk,nvme,ahci, --skip-build)");
        }
    }
    string repo = RepoRoot.Find(AppContext.BaseDirectory);
    BenchDevice[] devices = wanted.Select(name => BenchDevice.All.FirstOrDefault(d => d.Name == name)
        ?? throw new BenchException($"unknown device '{name}' (virtio-blk, nvme, ahci)")).ToArray();
    int failures = 0;
    var tables = new List<string>();
    foreach (BenchDevice device in devices)
    {
        string guestDir = Path.Combine(repo, "bench", "blk", device.GuestFolder);
        string elf = Path.Combine(guestDir, "bin", "Release", device.GuestImage + ".elf");
        if (!skipBuild)
        {
            Console.WriteLine($"building bench/blk/{device.GuestFolder} (Release)");
            ProcessRunner.Result build = ProcessRunner.Run("dotnet", ["build", guestDir, "-c", "Release", "-nologo", "-v", "q"]);
            if (build.ExitCode != 0)
                throw new BenchException("guest build failed:\n" + build.StdOut + build.StdErr);
        }
        Console.WriteLine($"preparing the Linux microVM ({device.Name})");
        LinuxMicroVm.Images linux = LinuxMicroVm.Prepare(repo, sequential, random, device.LinuxModules, device.LinuxDisk, device.Name);

        string disk = Path.Combine(Path.GetTempPath(), "uk-blkbench-" + Environment.ProcessId + ".img");
        var guestRuns = new List<Dictionary<string, long>>();
        var linuxRuns = new List<Dictionary<string, long>>();
        try
        {
            for (int run = 1; run <= runs; run++)
            {
                Console.WriteLine($"{device.Name} run {run}/{runs}: unikernel");
                var guest = Boot(disk, device.QemuDevices, new QemuMachine { Kernel = elf, KernelCommandLine = $"{sequential} {random} {device.GuestDisk}" });
                if (guest is null) failures++; else guestRuns.Add(guest);
                Console.WriteLine($"{device.Name} run {run}/{runs}: Linux");
                var baseline = Boot(disk, device.QemuDevices, new QemuMachine { Kernel = linux.Kernel, Initrd = linux.Initrd, KernelCommandLine = "console=ttyS0 quiet panic=-1", DebugExit = false });
                if (baseline is null) failures++; else linuxRuns.Add(baseline);
            }
        }
        finally
        {
            File.Delete(disk);
        }
        tables.Add(Table(device, guestRuns, linuxRuns, runs, sequential, random));
    }

    foreach (string table in tables)
        Console.Write(table);
    return failures == 0 ? 0 : 1;
}

// A fresh 64 MiB image per boot, so both guests start from the same disk.
static Dictionary<string, long>? Boot(string disk, string[] devices, QemuMachine boot)
{
    using (FileStream image = File.Create(disk))
        image.SetLength(64L << 20);
    var drive = new List<string> { "-drive", $"file={disk},if=none,id=d0,format=raw" };
    foreach (string device in devices)
        drive.AddRange(["-device", device]);
    // The same machine for both guests (QemuMachine, the builder uk and the tests use).
    var machine = boot with { MemoryMiB = 256, ExtraArguments = [.. drive, .. boot.ExtraArguments] };
    using Process qemu = ProcessRunner.Start(QemuMachine.Executable, machine.ToArguments());
    qemu.StandardInput.Close();
    var output = new StringBuilder();
    qemu.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
    qemu.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
    qemu.BeginOutputReadLine();
    qemu.BeginErrorReadLine();
    if (!qemu.WaitForExit(TimeSpan.FromMinutes(5)))
        qemu.Kill(entireProcessTree: true);
    qemu.WaitForExit();

    var results = new Dictionary<string, long>();
    bool done = false;
    string[] lines = output.ToString().Split('\n').Select(l => l.Trim()).ToArray();
    foreach (string line in lines)
    {
        string[] words = line.Split(' ');
        if (words.Length == 2 && words[0] == "BLK" && words[1] == "done")
            done = true;
        else if (words.Length == 5 && words[0] == "BLK")
            results[words[1]] = long.Parse(words[4], CultureInfo.InvariantCulture);
    }
    if (!done || results.Count != 4)
    {
        Console.WriteLine("  failed; last lines:");
        foreach (string line in lines.Where(l => l.Length > 0).TakeLast(8))
            Console.WriteLine("    " + line);
        return null;
    }
    return results;
}

static string Table(BenchDevice device, List<Dictionary<string, long>> guest, List<Dictionary<string, long>> linux, int runs, long sequential, long random)
{
    var table = new StringBuilder();
    table.AppendLine();
    table.AppendLine($"4 KiB requests, queue depth 1, 64 MiB raw image, {device.Describe()}; medians of {guest.Count} unikernel / {linux.Count} Linux boots of {runs}");
    table.AppendLine("| test | unikernel MB/s | unikernel IOPS | Linux MB/s | Linux IOPS | unikernel/Linux (throughput) |");
    table.AppendLine("|---|---|---|---|---|---|");
    foreach (string test in new[] { "seq-read", "seq-write", "rand-read", "rand-write" })
    {
        long ops = test.StartsWith("seq", StringComparison.Ordinal) ? sequential : random;
        double? g = Median(guest, test);
        double? l = Median(linux, test);
        string ratio = g is null || l is null ? "-" : (l.Value / g.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x";
        table.AppendLine($"| {test} | {MegabytesPerSecond(ops, g)} | {Iops(ops, g)} | {MegabytesPerSecond(ops, l)} | {Iops(ops, l)} | {ratio} |");
    }
    return table.ToString();
}

static double? Median(List<Dictionary<string, long>> runs, string test)
{
    if (runs.Count == 0)
        return null;
    long[] values = runs.Select(r => r[test]).OrderBy(v => v).ToArray();
    return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2.0;
}

static string MegabytesPerSecond(long ops, double? nanoseconds) =>
    nanoseconds is null ? "-" : (ops * 4096.0 / (1 << 20) / (nanoseconds.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture);

static string Iops(long ops, double? nanoseconds) =>
    nanoseconds is null ? "-" : (ops / (nanoseconds.Value / 1e9)).ToString("#,0", CultureInfo.InvariantCulture);
