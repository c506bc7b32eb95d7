namespace Unikraft.Hosting;

/// <summary>How a host process ended: its exit code (-1 when it was killed at the timeout),
/// its standard output and error interleaved as written (and each apart), and how long it ran.</summary>
public sealed record HostProcessResult(int ExitCode, string Output, bool TimedOut, TimeSpan Elapsed)
{
    public string StandardOutput { get; init; } = "";

    public string StandardError { get; init; } = "";

    public IReadOnlyList<string> Lines => Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
}
