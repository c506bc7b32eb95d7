using System;
using System.Collections.Generic;
using Unikraft.Hosting;

namespace Unikraft.Bench.Sched;

// The shared host process runner (Unikraft.Hosting) as this bench uses it: a tool (dotnet,
// gcc, qemu, the baseline) run to completion with a time limit, its output captured.
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        HostProcessResult run;
        try
        {
            run = HostProcess.Run(file, arguments, limit);
        }
        catch (HostToolMissingException e)
        {
            throw new BenchException("could not start '" + file + "': " + e.Message);
        }
        return run.TimedOut
            ? new Result(-1, run.Output + "\n(killed after " + limit.TotalSeconds + " s)")
            : new Result(run.ExitCode, run.Output);
    }

    public static bool OnPath(string name) => HostProcess.Exists(name);
}
