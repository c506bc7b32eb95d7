using Spectre.Console.Cli;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Commands;

// Applies the common options, then runs the command.
public abstract class UkCommand<TSettings> : Command<TSettings> where TSettings : UkSettings
{
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        Ui.Verbose = settings.Verbose;
        return Run(settings);
    }

    protected abstract int Run(TSettings settings);
}
