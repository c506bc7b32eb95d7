using System.Reflection;
using System.Text.RegularExpressions;

namespace Unikraft.Cli.Infrastructure;

// The Unikraft.NET repository: the folder with global.json and kernel/. Found from UK_ROOT,
// then by walking up from a start folder (the app, the current folder), then from the tool's
// own location, then the path recorded when the tool was built (a packed tool lives elsewhere).
public sealed partial class Repository
{
    public string Root { get; }

    private Repository(string root) => Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public string BuildToolDll => Path.Combine(Root, "tools/Unikraft.Build/bin/Release/net10.0/Unikraft.Build.dll");

    public static bool IsRoot(string directory) =>
        File.Exists(Path.Combine(directory, "global.json")) && Directory.Exists(Path.Combine(directory, "kernel"));

    public static Repository? TryFindFrom(string? start)
    {
        for (string? dir = start is null ? null : Path.GetFullPath(start); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (IsRoot(dir))
                return new Repository(dir);
            // An app created outside the repository records it in its Directory.Build.props.
            string props = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(props) && RecordedRoot(File.ReadAllText(props)) is { } recorded && IsRoot(recorded))
                return new Repository(recorded);
        }
        return null;
    }

    public static Repository Find(string? start = null)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("UK_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!IsRoot(fromEnvironment))
                throw new UkException($"UK_ROOT={fromEnvironment} is not the Unikraft.NET repository (no global.json and kernel/ there).");
            return new Repository(fromEnvironment);
        }
        return TryFindFrom(start)
            ?? TryFindFrom(Directory.GetCurrentDirectory())
            ?? TryFindFrom(AppContext.BaseDirectory)
            ?? (BuiltFrom() is { } built && IsRoot(built) ? new Repository(built) : null)
            ?? throw new UkException("cannot find the Unikraft.NET repository (a folder with global.json and kernel/). Run uk inside it, or set UK_ROOT=/path/to/repository.");
    }

    public static Repository At(string root) =>
        IsRoot(root) ? new Repository(root) : throw new UkException($"{root} is not the Unikraft.NET repository.");

    private static string? BuiltFrom() =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "UkRepositoryRoot")?.Value;

    internal static string? RecordedRoot(string propsText)
    {
        var match = UkRootPattern().Match(propsText);
        return match.Success ? match.Groups[1].Value : null;
    }

    public string Relative(string path)
    {
        string relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    [GeneratedRegex(@"<UkRoot[^>]*>([^<]+)</UkRoot>")]
    private static partial Regex UkRootPattern();
}
