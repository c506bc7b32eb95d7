using System.Diagnostics;
using System.Text.RegularExpressions;
using Spectre.Console;
using Unikraft.Cli.Infrastructure;

namespace Unikraft.Cli.Building;

// Runs `dotnet build` on an application (the same MSBuild targets as a plain dotnet build),
// shows each step with its time, then one summary line; errors short, exit code non-zero.
public static partial class ImageBuilder
{
    // optimize: false builds the image without ILC's optimiser, so gdb can show locals (uk debug).
    public static BuildResult Build(AppDirectory app, string configuration, bool quiet = false, bool optimize = true)
    {
        var arguments = new List<string> { "build", app.Project, "-c", configuration, "-nologo", "-nodeReuse:false", "-clp:NoSummary" };
        if (!optimize)
            arguments.Add("-p:UkOptimize=false");
        arguments.Add(Ui.Verbose ? "-v:n" : "-v:minimal");
        var parser = new BuildOutputParser();
        if (!quiet)
            parser.StepFinished += step => Ui.Out.MarkupLine(
                $"  [green]✓[/] {Markup.Escape(step.Name),-8} [grey]{step.Duration.TotalSeconds,5:0.0}s[/]  {Markup.Escape(step.Detail)}");
        if (!quiet)
            Ui.Step($"building {Shown(app.Path)} ({configuration})");
        var clock = Stopwatch.StartNew();
        int exitCode = ProcessRunner.RunCaptured("dotnet", arguments, line =>
        {
            parser.Add(line);
            if (Ui.Verbose && IsCommandLine(line))
                Ui.Out.MarkupLine("[grey]  $ " + Markup.Escape(line.Trim()) + "[/]");
        }, app.Path);
        parser.Complete();
        var result = new BuildResult(exitCode, parser.Steps, parser.Errors, parser.Sizes, clock.Elapsed);
        if (!result.Succeeded)
        {
            foreach (string error in result.Errors.Take(20))
                Ui.Err.WriteLine(error);
            if (result.Errors.Count > 20)
                Ui.Err.WriteLine($"... and {result.Errors.Count - 20} more errors");
            throw new UkException($"build of {Shown(app.Path)} failed" +
                (result.Errors.Count == 0 ? $" (dotnet build exit code {exitCode}; run with --verbose to see its output)" : "; fix the errors above"));
        }
        if (!quiet)
            Summarize(app, configuration, result);
        return result;
    }

    private static void Summarize(AppDirectory app, string configuration, BuildResult result)
    {
        var image = app.ReadImageInfo(configuration);
        var sizes = new List<string>();
        foreach (string file in new[] { app.Elf(image, configuration), app.Iso(image, configuration) })
        {
            if (File.Exists(file))
                sizes.Add($"{Path.GetFileName(file)} {Sizes.Format(new FileInfo(file).Length)}");
        }
        string libraries = string.Join(' ', image.Libraries);
        string prefix = result.UpToDate ? "up to date: nothing to rebuild" : $"built in {result.Elapsed.TotalSeconds:0.0}s";
        Ui.Success($"{prefix}: {string.Join(", ", sizes)}; libraries: {libraries}");
        Ui.Info($"  {Shown(app.OutputDirectory(configuration))}/");
    }

    // At -v:n the Exec task echoes each command it runs.
    private static bool IsCommandLine(string line) => CommandPattern().IsMatch(line);

    [GeneratedRegex(@"^\s+(""[^""]*/ilc""|nasm |ld |objcopy |grub-mkrescue |dotnet ""[^""]*Unikraft\.Build\.dll""|stat )")]
    private static partial Regex CommandPattern();

    // A path as the user reads it: from the clone's root in a clone (apps/demo), else from the
    // current folder when under it, else whole.
    private static string Shown(string path)
    {
        var tree = Repository.TryFind(path);
        if (tree is { IsSdkPackage: false })
            return tree.Relative(path);
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
