namespace Unikraft.Cli.Commands;

public sealed class DebugCommand : UkCommand<AppSettings>
{
    protected override int Run(AppSettings settings) => throw new Infrastructure.UkException("not yet");
}
