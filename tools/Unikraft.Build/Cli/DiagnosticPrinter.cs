using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Cli;

public static class DiagnosticPrinter
{
    public static void Print(DiagnosticBag diagnostics, IBuildLog log)
    {
        foreach (var diagnostic in diagnostics.Items)
        {
            log.Error(new BuildError(diagnostic.Message, diagnostic.Path, diagnostic.Line));
        }
    }
}
