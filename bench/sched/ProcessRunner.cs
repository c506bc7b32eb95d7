using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace Unikraft.Bench.Sched;

// Runs a tool (dotnet, gcc, qemu, the baseline) to completion with a time limit and captures its output.
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchException("could not start '" + file + "'");
        }
        catch (Win32Exception e)
        {
            throw new BenchException("could not start '" + file + "': " + e.Message);
        }
        using (process)
        {
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(-1, stdout.Result + stderr.Result + "\n(killed after " + limit.TotalSeconds + " s)");
            }
            return new Result(process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    public static bool OnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null)
            return false;
        foreach (string directory in path.Split(Path.PathSeparator))
        {
            if (File.Exists(Path.Combine(directory, name)))
                return true;
        }
        return false;
    }
}
