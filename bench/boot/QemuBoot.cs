using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Boots one QEMU guest and times host wall-clock from process start to the moment the
/// guest's ready line appears on the serial console (QEMU's stdout).
/// </summary>
public sealed class QemuBoot(HostTools tools)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    const int TailLines = 12;

    public BootResult Run(BootSpec spec, int memoryMiB, bool noReboot = false)
    {
        string? scratch = null;
        try
        {
            string? vars = null;
            if (spec.NeedsOvmfVars)
            {
                scratch = Directory.CreateTempSubdirectory("bootbench-").FullName;
                vars = Path.Combine(scratch, "OVMF_VARS.fd");
                File.Copy(tools.OvmfVars ?? throw new BenchException(tools.OvmfMissingReason!), vars);
            }
            var machine = spec.Machine with
            {
                MemoryMiB = memoryMiB,
                Kvm = tools.Kvm,
                UefiVariables = vars,
                NoReboot = spec.Machine.NoReboot || noReboot,
            };
            return Measure(machine.ToArguments(), spec);
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
        }
    }

    BootResult Measure(IReadOnlyList<string> arguments, BootSpec spec)
    {
        var clock = Stopwatch.StartNew();
        using Process p = ProcessRunner.Start(tools.Qemu, arguments);
        p.StandardInput.Close();
        var tail = new Queue<string>();
        double? seconds = null;
        Task reader = Task.Run(() =>
        {
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null)
            {
                if (seconds is null && SerialLine.Matches(line, spec.ReadyLine))
                    seconds = clock.Elapsed.TotalSeconds;
                lock (tail)
                {
                    tail.Enqueue(SerialLine.Clean(line));
                    if (tail.Count > TailLines) tail.Dequeue();
                }
            }
        });
        Task<string> stderr = p.StandardError.ReadToEndAsync();

        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            reader.Wait(TimeSpan.FromSeconds(5));
            return new BootResult(seconds, null,
                $"killed after {Timeout.TotalSeconds:0} s ({Describe(seconds, spec)}){Tail(tail)}");
        }
        p.WaitForExit();
        reader.Wait(TimeSpan.FromSeconds(5));
        int code = p.ExitCode;

        string? failure = null;
        if (seconds is null)
            failure = $"'{spec.ReadyLine}' never appeared; QEMU exit code {code}";
        else if (code != spec.ExpectedExitCode)
            failure = $"QEMU exit code {code}, expected {spec.ExpectedExitCode}";
        if (failure is not null)
        {
            string err = stderr.Result.Trim();
            if (err.Length > 0) failure += $"; stderr: {FirstLine(err)}";
            failure += Tail(tail);
        }
        return new BootResult(seconds, code, failure);
    }

    static string Describe(double? seconds, BootSpec spec) =>
        seconds is null ? $"'{spec.ReadyLine}' never appeared" : "line appeared but QEMU did not exit";

    static string FirstLine(string s)
    {
        int nl = s.IndexOf('\n');
        return nl < 0 ? s : s[..nl];
    }

    static string Tail(Queue<string> tail)
    {
        lock (tail)
        {
            if (tail.Count == 0) return "";
            var sb = new StringBuilder("\n      last serial lines:");
            foreach (string l in tail) sb.Append("\n      | ").Append(l);
            return sb.ToString();
        }
    }
}
