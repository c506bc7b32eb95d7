using System;
using System.IO;

namespace Unikraft.Bench.Boot;

/// <summary>
/// Locates our hello images: explicit --elf/--iso paths, or apps/hello/bin/Release/hello.{elf,iso}
/// after <c>dotnet build apps/hello -c Release</c> (skipped with --skip-build or when both
/// paths are given). A missing image is null: its boot paths are skipped, not failed.
/// </summary>
public sealed record HelloImages(string? Elf, string? Iso)
{
    public static HelloImages Locate(BenchOptions options, string repoRoot)
    {
        string outDir = Path.Combine(repoRoot, "apps", "hello", "bin", "Release");
        bool explicitAny = options.Elf is not null || options.Iso is not null;
        if (!options.SkipBuild && !explicitAny)
            Build(repoRoot);

        string? elf = Pick(options.Elf, Path.Combine(outDir, "hello.elf"), explicitAny, "ELF");
        string? iso = Pick(options.Iso, Path.Combine(outDir, "hello.iso"), explicitAny, "ISO");
        if (elf is null && iso is null)
            throw new BenchException($"no hello image to boot: neither {Path.Combine(outDir, "hello.elf")} nor hello.iso exists (pass --elf/--iso, or build apps/hello).");
        return new HelloImages(elf, iso);
    }

    static void Build(string repoRoot)
    {
        Console.WriteLine("building: dotnet build apps/hello -c Release");
        var r = ProcessRunner.Run("dotnet", ["build", "apps/hello", "-c", "Release", "-nologo", "-v", "q"], repoRoot);
        if (r.ExitCode != 0)
            throw new BenchException($"dotnet build apps/hello -c Release failed (exit {r.ExitCode}):\n{r.StdOut.Trim()}\n{r.StdErr.Trim()}");
    }

    /// <summary>An explicit path must exist; the default is used only when it exists and no explicit image was given.</summary>
    static string? Pick(string? explicitPath, string defaultPath, bool explicitAny, string kind)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
                throw new BenchException($"{kind} '{explicitPath}' does not exist.");
            return Path.GetFullPath(explicitPath);
        }
        return !explicitAny && File.Exists(defaultPath) ? defaultPath : null;
    }
}
