using System.Text.RegularExpressions;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Running;

// The application's Main in the linked image, as ILC names it: `<assembly>_Program___Main__`
// (top-level statements) or `<assembly>_<Ns>_Program__Main` (explicit Main), the assembly name
// with every non-alphanumeric character turned into '_'.
public static partial class MainSymbol
{
    public const string Fallback = "__managed__Main";

    public static string Find(string debugElf, string assemblyName)
    {
        var (code, output) = ProcessRunner.Capture("nm", ["--defined-only", debugElf]);
        if (code != 0)
            throw new UkException($"nm {debugElf} failed (is binutils installed?): {output.Trim()}");
        return Pick(output.Split('\n').Select(l => l.Trim()), assemblyName) ?? Fallback;
    }

    public static string? Pick(IEnumerable<string> nmLines, string assemblyName)
    {
        string prefix = NonAlphanumeric().Replace(assemblyName, "_") + "_";
        var candidates = nmLines
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3 && p[1] is "T" or "t")
            .Select(p => p[2])
            .Where(s => s.StartsWith(prefix, StringComparison.Ordinal) && MainPattern().IsMatch(s[prefix.Length..]))
            .OrderBy(s => s.Length)
            .ToList();
        return candidates.FirstOrDefault();
    }

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumeric();

    // "_Program___Main__" or "Ns_Program__Main"
    [GeneratedRegex(@"^(\w+_)?_?Program__+Main_*$")]
    private static partial Regex MainPattern();
}
