using System.Collections.Generic;
using System.Diagnostics;
using Unikraft.Hosting;

namespace Unikraft.Bench.Boot;

/// <summary>The benches' view of the shared host process runner (Unikraft.Hosting): helper
/// tools (dotnet, apt-get, dpkg-deb) run to completion; a tool that is missing is a
/// BenchException naming it.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var result = Explained(file, () => HostProcess.Run(file, args, System.Threading.Timeout.InfiniteTimeSpan, string.IsNullOrEmpty(workingDirectory) ? null : workingDirectory));
        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Started with standard output and error redirected (and input, to close or write).</summary>
    public static Process Start(string file, IEnumerable<string> args) =>
        Explained(file, () => HostProcess.Start(file, args, redirectOutput: true, redirectInput: true, redirectError: true));

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? Which(string name) => HostProcess.Which(name);

    private static T Explained<T>(string file, System.Func<T> start)
    {
        try
        {
            return start();
        }
        catch (HostToolMissingException e)
        {
            throw new BenchException($"could not start '{file}': {e.Message}");
        }
    }
}
