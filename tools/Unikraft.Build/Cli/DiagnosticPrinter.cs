using System.IO;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Cli;

public static class DiagnosticPrinter
{
    public static void Print(DiagnosticBag diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics.Items)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
    }
}
