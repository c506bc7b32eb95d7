namespace Unikraft.Cli.Commands;

public sealed class ImageCommand : UkCommand<AppSettings>
{
    protected override int Run(AppSettings settings) => throw new Infrastructure.UkException("not yet");
}
