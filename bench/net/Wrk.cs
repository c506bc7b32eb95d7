using System;
using System.Collections.Generic;
using Unikraft.Bench.Boot;

namespace Unikraft.Bench.Net;

// Runs wrk for the bench (bench/boot's process runner; a failure is a BenchException).
public sealed partial record WrkResult
{
    public static WrkResult Run(int port, int threads, int connections, int seconds, string? header = null, string path = "/")
    {
        string output = RunForOutput(Arguments(port, threads, connections, seconds, header, path));
        try
        {
            return Parse(output);
        }
        catch (FormatException e)
        {
            throw new BenchException(e.Message);
        }
    }

    // wrk's standard output for the given arguments.
    public static string RunForOutput(IReadOnlyList<string> arguments)
    {
        ProcessRunner.Result r = ProcessRunner.Run("wrk", arguments);
        if (r.ExitCode != 0)
            throw new BenchException($"wrk failed (exit {r.ExitCode}): {r.StdErr.Trim()}{r.StdOut.Trim()}");
        return r.StdOut;
    }
}
