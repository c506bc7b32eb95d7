using System.Diagnostics;

namespace Unikraft.Boot.Tests;

// Boots a guest and measures the host CPU time its QEMU process uses over a window that
// starts once the guest prints a given line: how busy an idle guest keeps the host.
internal static class QemuCpuSampler
{
    public static (double CpuFraction, string Output) MeasureAfter(string elf, string commandLine, string startLine, TimeSpan window)
    {
        var start = new ProcessStartInfo("qemu-system-x86_64")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot", "-m", "32M",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", elf, "-append", commandLine,
        })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var seen = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
            if (e.Data.StartsWith(startLine, StringComparison.Ordinal))
                seen.Set();
        };
        process.BeginOutputReadLine();
        try
        {
            if (!seen.Wait(TimeSpan.FromSeconds(60)))
                throw new TimeoutException("the guest never printed '" + startLine + "':\n" + output);
            TimeSpan before = CpuTime(process.Id);
            var clock = Stopwatch.StartNew();
            Thread.Sleep(window);
            TimeSpan used = CpuTime(process.Id) - before;
            double fraction = used.TotalSeconds / clock.Elapsed.TotalSeconds;
            process.WaitForExit(60_000);
            lock (output)
                return (fraction, output.ToString());
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    // utime + stime of /proc/<pid>/stat, fields 14 and 15, in clock ticks (100 per second).
    private static TimeSpan CpuTime(int pid)
    {
        string stat = File.ReadAllText("/proc/" + pid + "/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
