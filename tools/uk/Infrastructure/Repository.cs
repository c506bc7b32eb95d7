using System.Reflection;
using System.Text.RegularExpressions;

namespace Unikraft.Cli.Infrastructure;

// The library tree an application builds with: a clone of the Unikraft.NET repository (the
// folder with global.json and kernel/), or the Unikraft.Sdk package's tree for a project on the
// SDK. Found from UK_ROOT, then by walking up from a start folder (the app, the current folder):
// a clone, an app's recorded clone (Directory.Build.props) or an app's SDK package; then from
// the tool's own location (uk run from a clone's build output).
public sealed partial class Repository
{
    public string Root { get; }

    // True for the Unikraft.Sdk package's tree, which has no apps/ and is never written to.
    public bool IsSdkPackage { get; }

    private Repository(string root, bool isSdkPackage = false)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        IsSdkPackage = isSdkPackage;
    }

    // The Unikraft.Sdk version this uk belongs to: what `uk new` names outside a clone.
    public static string SdkVersion =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "UkSdkVersion")?.Value ?? "0.0.0";

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
            if (SdkPackageOf(dir) is { } package)
                return package;
        }
        return null;
    }

    public static Repository? TryFind(string? start = null)
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
            ?? TryFindFrom(AppContext.BaseDirectory);
    }

    public static Repository Find(string? start = null) =>
        TryFind(start)
        ?? throw new UkException("cannot find the library tree: run uk in a clone of the Unikraft.NET repository or in an application on the Unikraft.Sdk package (restored: dotnet build), or set UK_ROOT=/path/to/repository.");

    public static Repository At(string root) =>
        IsRoot(root) ? new Repository(root) : throw new UkException($"{root} is not the Unikraft.NET repository.");

    // A project on the SDK (<Project Sdk="Unikraft.Sdk/VERSION">) builds with the package's
    // tree, which NuGet unpacked into its packages folder when the project was restored.
    private static Repository? SdkPackageOf(string directory)
    {
        foreach (string project in Directory.EnumerateFiles(directory, "*.csproj"))
        {
            var match = SdkPattern().Match(File.ReadAllText(project));
            if (!match.Success)
                continue;
            string version = match.Groups[1].Value;
            string tree = Path.Combine(NuGetPackagesFolder(), "unikraft.sdk", version.ToLowerInvariant(), "root");
            // Not restored yet: the build restores it; until then there is no tree to read.
            return Directory.Exists(Path.Combine(tree, "kernel")) ? new Repository(tree, isSdkPackage: true) : null;
        }
        return null;
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

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

    [GeneratedRegex(@"<Project\s+Sdk=""Unikraft\.Sdk/([^""]+)""")]
    private static partial Regex SdkPattern();
}
