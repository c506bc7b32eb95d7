using Unikraft.Hosting;

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

    public static UkResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "uk.dll"), .. arguments], timeout, workingDirectory,
            new Dictionary<string, string> { ["UK_ROOT"] = RepositoryRoot.Path });

    public static UkResult Start(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = HostProcess.Run(file, arguments, timeout, workingDirectory, environment: environment);
        if (result.TimedOut)
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeout}:\n{result.Output}");
        return new UkResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
