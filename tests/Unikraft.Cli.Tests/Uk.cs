using System.Diagnostics;
using System.Text;

namespace Unikraft.Cli.Tests;

// Runs the uk tool (uk.dll next to the tests) as a process and captures what it printed.
internal sealed record UkResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

internal static class Uk
{
    public static UkResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, TimeSpan.FromSeconds(150), arguments);

    public static UkResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "uk.dll"));
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["UK_ROOT"] = RepositoryRoot.Path;
        return Start(info, timeout);
    }

    public static UkResult Start(ProcessStartInfo info, TimeSpan timeout)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in {timeout}:\n{output}\n{error}");
        }
        process.WaitForExit();
        return new UkResult(process.ExitCode, output.ToString(), error.ToString());
    }
}
