namespace Unikraft.Cli.Commands;

public sealed class ConfigCommand : UkCommand<AppSettings>
{
    protected override int Run(AppSettings settings) => throw new Infrastructure.UkException("not yet");
}
