namespace Unikraft.Cli.Building;

public sealed record BuildResult(int ExitCode, IReadOnlyList<BuildStep> Steps, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, long> Sizes, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
    public bool UpToDate => Succeeded && !Steps.Any(s => s.IsImageStep);
}
