using Unikraft.Cli.Building;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Commands;

public sealed class BuildCommand : UkCommand<AppSettings>
{
    protected override int Run(AppSettings settings)
    {
        ImageBuilder.Build(AppLocator.Resolve(settings.App), settings.Configuration);
        return 0;
    }
}
