namespace Unikraft.Cli.Infrastructure;

// A failure the user can act on: the message says what went wrong and what to do.
public sealed class UkException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
