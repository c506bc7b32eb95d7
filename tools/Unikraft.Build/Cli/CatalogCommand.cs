using System.IO;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Cli;

/// <summary><c>catalog</c>: shows what libraries exist and how they can be configured.</summary>
public static class CatalogCommand
{
    public static int Run(string root, bool json, TextWriter stdout, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = CatalogLoader.Load(root, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics, new TextBuildLog(stdout, stderr));
            return 1;
        }

        stdout.Write(json ? CatalogJsonFormatter.Format(catalog) : CatalogTableFormatter.Format(catalog));
        return 0;
    }
}
